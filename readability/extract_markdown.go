package readability

import "strings"

// extractMarkdown keeps the words a reader sees and drops the markup:
// heading hashes, block quote marks, list markers, emphasis marks, code
// fences and the code inside them, link targets, HTML tags and table
// pipes. Every kept byte maps back to its place in the source, so issues
// point into the Markdown file itself. Lines stay lines, so headings and
// list items remain units of their own.
func extractMarkdown(src string) *document {
	var b docBuilder
	inFence := false
	fence := ""
	pos := 0
	for pos < len(src) {
		end := strings.IndexByte(src[pos:], '\n')
		next := len(src)
		if end >= 0 {
			end += pos
			next = end + 1
		} else {
			end = len(src)
		}
		line := src[pos:end]
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			if !inFence {
				inFence, fence = true, trimmed[:3]
			} else if strings.HasPrefix(trimmed, fence) {
				inFence = false
			}
		case inFence:
			// code is not prose
		case isTableRule(trimmed):
			// | --- | --- |
		default:
			mdLine(&b, src, pos+indent, end)
		}
		if next > end {
			b.copySrc(src, end, next) // the newline
		}
		pos = next
	}
	return b.build(src)
}

func isTableRule(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.Trim(s, "-*_ ") == "" && len(strings.TrimSpace(s)) >= 3 {
		return true // a thematic break
	}
	if !strings.Contains(s, "-") {
		return false
	}
	return strings.Trim(s, "|-: ") == ""
}

// mdLine copies the prose of one line src[start:end].
func mdLine(b *docBuilder, src string, start, end int) {
	i := start
	// block quote marks
	for i < end && src[i] == '>' {
		i++
		for i < end && src[i] == ' ' {
			i++
		}
	}
	// heading
	if i < end && src[i] == '#' {
		j := i
		for j < end && src[j] == '#' {
			j++
		}
		if j-i <= 6 && (j == end || src[j] == ' ') {
			i = j
			for i < end && src[i] == ' ' {
				i++
			}
			// closing hashes
			e := end
			for e > i && (src[e-1] == ' ' || src[e-1] == '#') {
				e--
			}
			if e < end && e > i {
				end = e
			}
		}
	}
	// list marker: kept as it is, so the splitter sees a list item
	// (before mdInline, which would drop a "*")
	if n := listMarkerLen(src[i:end]); n > 0 {
		b.copySrc(src, i, i+n)
		i += n
	}
	mdInline(b, src, i, end)
}

// mdInline copies inline text, dropping emphasis marks, backticks, link
// targets, images' URLs, autolinks, HTML tags and table pipes.
func mdInline(b *docBuilder, src string, i, end int) {
	runStart := i
	flush := func(to int) {
		b.copySrc(src, runStart, to)
	}
	for i < end {
		c := src[i]
		switch c {
		case '\\':
			if i+1 < end && strings.IndexByte("\\`*_{}[]()#+-.!|<>~", src[i+1]) >= 0 {
				flush(i)
				runStart = i + 1
				i += 2
				continue
			}
		case '*', '`', '~':
			flush(i)
			i++
			runStart = i
			continue
		case '_':
			// only at a word edge: snake_case keeps its underscores
			prevWord := i > 0 && isASCIIAlnum(src[i-1])
			nextWord := i+1 < end && isASCIIAlnum(src[i+1])
			if !(prevWord && nextWord) {
				flush(i)
				i++
				runStart = i
				continue
			}
		case '|':
			flush(i)
			b.put(" ", i, i+1)
			i++
			runStart = i
			continue
		case '!':
			if i+1 < end && src[i+1] == '[' {
				flush(i)
				i++
				runStart = i
				continue
			}
		case '[':
			// [text](url) or [text][ref]: keep text
			close := strings.IndexByte(src[i:end], ']')
			if close > 0 {
				flush(i)
				runStart = i + 1
				i++
				continue
			}
		case ']':
			if i+1 < end && (src[i+1] == '(' || src[i+1] == '[') {
				closer := byte(')')
				if src[i+1] == '[' {
					closer = ']'
				}
				if k := strings.IndexByte(src[i+1:end], closer); k > 0 {
					flush(i)
					i = i + 1 + k + 1
					runStart = i
					continue
				}
			}
			flush(i)
			i++
			runStart = i
			continue
		case '<':
			if k := strings.IndexByte(src[i:end], '>'); k > 0 && looksLikeTag(src[i+1:i+k]) {
				flush(i)
				i += k + 1
				runStart = i
				continue
			}
		}
		i++
	}
	flush(end)
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// looksLikeTag: "<b>", "</p>", "<br/>", "<https://…>" (an autolink), but
// not "< 5".
func looksLikeTag(inner string) bool {
	if inner == "" {
		return false
	}
	c := inner[0]
	return c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

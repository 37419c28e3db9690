package readability

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// extractHTML keeps the text a reader sees. Tags are dropped; block
// elements (p, div, h1–h6, li, td, br…) become line breaks so that
// headings, list items and table cells are units of their own; script,
// style and template contents and comments are skipped; character
// references are decoded. A newline inside running text becomes a space,
// as a browser shows it. Every kept byte maps back to the source.
func extractHTML(src string) *document {
	var b docBuilder
	i := 0
	runStart := 0
	flush := func(to int) {
		// copy text, turning newlines into spaces (same length)
		for runStart < to {
			k := strings.IndexAny(src[runStart:to], "\n\r\t")
			if k < 0 {
				b.copySrc(src, runStart, to)
				break
			}
			b.copySrc(src, runStart, runStart+k)
			b.put(" ", runStart+k, runStart+k+1)
			runStart += k + 1
		}
		runStart = to
	}
	for i < len(src) {
		c := src[i]
		if c == '&' {
			if s, n := decodeEntity(src[i:]); n > 0 {
				flush(i)
				b.put(s, i, i+n)
				i += n
				runStart = i
				continue
			}
			i++
			continue
		}
		if c != '<' {
			i++
			continue
		}
		// comments, CDATA, doctype
		if strings.HasPrefix(src[i:], "<!--") {
			flush(i)
			k := strings.Index(src[i+4:], "-->")
			if k < 0 {
				i = len(src)
			} else {
				i += 4 + k + 3
			}
			runStart = i
			continue
		}
		k := strings.IndexByte(src[i:], '>')
		if k < 0 || i+1 >= len(src) || !looksLikeTag(src[i+1:i+k]) {
			i++
			continue
		}
		flush(i)
		tag := src[i+1 : i+k]
		name, closing := tagName(tag)
		tagEnd := i + k + 1
		switch name {
		case "script", "style", "template", "noscript", "svg", "head", "title":
			if !closing && !strings.HasSuffix(tag, "/") {
				closeTag := "</" + name
				if j := indexFold(src[tagEnd:], closeTag); j >= 0 {
					tagEnd += j
					if e := strings.IndexByte(src[tagEnd:], '>'); e >= 0 {
						tagEnd += e + 1
					} else {
						tagEnd = len(src)
					}
				} else {
					tagEnd = len(src)
				}
			}
		}
		if blockTags[name] {
			if name == "br" {
				b.put("\n", i, tagEnd)
			} else if b.lastByte() != '\n' || len(b.buf) < 2 || b.buf[len(b.buf)-2] != '\n' {
				if b.lastByte() == '\n' {
					b.put("\n", i, tagEnd)
				} else {
					b.put("\n\n", i, tagEnd)
				}
			}
		}
		i = tagEnd
		runStart = i
	}
	flush(len(src))
	return b.build(src)
}

var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true,
	"dd": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true, "tfoot": true,
	"caption": true, "section": true, "article": true, "header": true, "footer": true, "nav": true,
	"aside": true, "main": true, "blockquote": true, "pre": true, "hr": true, "figure": true,
	"figcaption": true, "address": true, "form": true, "fieldset": true, "legend": true,
	"label": true, "button": true, "option": true, "body": true, "html": true, "details": true,
	"summary": true, "script": true, "style": true, "template": true, "noscript": true,
	"head": true, "title": true, "svg": true,
}

// tagName returns the lower-case element name of a tag's inside ("p
// class=x", "/div", "br/").
func tagName(tag string) (string, bool) {
	closing := strings.HasPrefix(tag, "/")
	tag = strings.TrimPrefix(tag, "/")
	end := 0
	for end < len(tag) && isASCIIAlnum(tag[end]) {
		end++
	}
	return strings.ToLower(tag[:end]), closing
}

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

var namedEntities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
	"rsquo": "\u2019", "lsquo": "\u2018", "rdquo": "\u201D", "ldquo": "\u201C",
	"ndash": "\u2013", "mdash": "\u2014", "hellip": "\u2026", "pound": "£", "euro": "€",
	"copy": "©", "reg": "®", "eacute": "é", "bull": "•", "middot": "·", "shy": "",
}

// decodeEntity decodes the character reference at the start of s,
// returning the text and the number of bytes used, or 0 if there is none.
func decodeEntity(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 32 {
		return "", 0
	}
	name := s[1:end]
	if name[0] == '#' {
		var v int64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			v, err = strconv.ParseInt(name[2:], 16, 32)
		} else {
			v, err = strconv.ParseInt(name[1:], 10, 32)
		}
		if err != nil || v <= 0 || v > utf8.MaxRune {
			return "", 0
		}
		r := rune(v)
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		if r == 0xA0 {
			r = ' '
		}
		return string(r), end + 1
	}
	if t, ok := namedEntities[name]; ok {
		if t == "" {
			return "", 0
		}
		return t, end + 1
	}
	return "", 0
}

package readability

import (
	"html"
	"strings"
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

// maxReference is the longest character reference, "&", name and ";"
// included: "&CounterClockwiseContourIntegral;" has 33 bytes.
const maxReference = 33

// decodeEntity decodes the character reference at the start of s
// ("&eacute;", "&#233;", "&#xE9;"), returning the text and the number of
// bytes used, or 0 if there is none. The standard library knows every
// name HTML defines; a reference counts only when it decodes whole up to
// its ";", so "&copyright;" is text, not "©right;". A soft hyphen is
// dropped, so that "hy&shy;phen" stays one word, and a no-break space is
// a space.
func decodeEntity(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end >= maxReference {
		return "", 0
	}
	ref := s[:end+1]
	t := html.UnescapeString(ref)
	if t == ref || t != ";" && strings.HasSuffix(t, ";") {
		return "", 0
	}
	switch t {
	case "\u00ad":
		t = ""
	case "\u00a0":
		t = " "
	}
	return t, end + 1
}

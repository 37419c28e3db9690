package pdfwrite

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Text writes an A4 PDF of paragraphs, a list for each page, as a word
// processor lays them out: 11-point Helvetica, lines wrapped at about 80
// characters 13.2 points apart, paragraphs a blank line apart. Characters
// beyond ASCII are written in WinAnsiEncoding; any it lacks become "?".
func Text(pages [][]string) []byte {
	w := &Writer{}
	res := w.Helvetica()
	var contents []string
	for _, paras := range pages {
		var b strings.Builder
		b.WriteString("BT /F1 11 Tf 13.2 TL 72 770 Td\n")
		for i, p := range paras {
			if i > 0 {
				b.WriteString("T*\n") // the blank line between paragraphs
			}
			for _, line := range wrap(p, 80) {
				fmt.Fprintf(&b, "(%s) Tj T*\n", literal(line))
			}
		}
		b.WriteString("ET")
		contents = append(contents, b.String())
	}
	return w.Classic(w.Document(res, true, contents...))
}

// wrap breaks a paragraph into lines of at most width characters, at spaces.
func wrap(p string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(p) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// literal is a PDF string literal's inside for s in WinAnsiEncoding.
func literal(s string) string {
	var b strings.Builder
	for _, r := range s {
		c, ok := charmap.Windows1252.EncodeRune(r)
		switch {
		case !ok:
			b.WriteByte('?')
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7F:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Package money writes amounts of money for people. Money is whole pence
// everywhere in the product; this is the one place it becomes pounds, so
// every page, download and command writes it the same way: £1,180,000.00.
// The package imports nothing from the application.
package money

import (
	"strconv"
	"strings"
)

// Pounds writes an amount of pence as pounds for people:
// 123456789 → "£1,234,567.89", -5 → "-£0.05". Integer arithmetic only.
func Pounds(p int64) string {
	neg := p < 0
	u := uint64(p)
	if neg {
		u = uint64(-(p + 1)) + 1 // safe for the smallest int64
	}
	pounds := strconv.FormatUint(u/100, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString("£")
	for i, c := range pounds {
		if i > 0 && (len(pounds)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	pence := u % 100
	b.WriteByte('.')
	b.WriteByte(byte('0' + pence/10))
	b.WriteByte(byte('0' + pence%10))
	return b.String()
}

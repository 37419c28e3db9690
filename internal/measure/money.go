package measure

import "github.com/coprod/coprod/internal/money"

// FormatPence writes an amount of pence as pounds for people:
// 123456789 → "£1,234,567.89", -5 → "-£0.05" (money.Pounds, the one
// function every face uses).
func FormatPence(p int64) string { return money.Pounds(p) }

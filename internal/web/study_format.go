package web

import (
	"math"
	"strconv"
)

// Numbers on study pages are formatted in Go, so templates and the tests
// that read the pages agree on one way of writing each.

// percent writes a share (0 to 1) as a whole percentage: 0.6667 -> "67%".
func percent(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + "%" }

// decimal writes a number with at most one decimal: 2 -> "2", 2.25 -> "2.3".
func decimal(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

// signed writes an index from -1 to 1 with two decimals, or says it is
// missing (neither side made an initiating move, or a side is missing).
func signed(f *float64) string {
	if f == nil {
		return "not available"
	}
	return strconv.FormatFloat(*f, 'f', 2, 64)
}

// seconds writes milliseconds as seconds with one decimal: 1500 -> "1.5 s".
func seconds(ms float64) string { return decimal(ms/1000) + " s" }

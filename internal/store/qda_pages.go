package store

import (
	"strconv"
	"strings"
)

// pageStarts are a PDF source's page starts as stored: character offsets
// separated by commas, "" for a source without pages.
func pageStarts(starts []int) string {
	parts := make([]string, len(starts))
	for i, s := range starts {
		parts[i] = strconv.Itoa(s)
	}
	return strings.Join(parts, ",")
}

func parsePageStarts(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

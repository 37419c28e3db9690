package agreement

import (
	"math/rand/v2"
	"testing"
)

// benchTable is a million units by five coders, five values, about one
// cell in ten missing, the coders agreeing on most units: the issue's
// speed case. The data is the same on every run (fixed seed).
func benchTable() Table {
	const units, coders, values = 1_000_000, 5, 5
	rng := rand.New(rand.NewPCG(18, 5))
	t := Table{Coders: coders, Cells: make([]int32, units*coders), Labels: []string{"a", "b", "c", "d", "e"}}
	for u := range units {
		truth := int32(rng.IntN(values))
		for c := range coders {
			v := truth
			switch x := rng.IntN(10); {
			case x == 0:
				v = Missing
			case x < 3:
				v = int32(rng.IntN(values))
			}
			t.Cells[u*coders+c] = v
		}
	}
	return t
}

// BenchmarkAlphaNominal1Mx5: go test -bench AlphaNominal -cpu 1 ./internal/agreement
func BenchmarkAlphaNominal1Mx5(b *testing.B) {
	t := benchTable()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Alpha(t, Nominal); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAlphaCINominal1Mx5(b *testing.B) {
	t := benchTable()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := AlphaCI(t, Nominal, 1000, DefaultSeed); err != nil {
			b.Fatal(err)
		}
	}
}

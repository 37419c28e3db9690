package measure

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// largeProfile is 50 indicators × 40 periods (ten years of quarters) with
// every curve type, and reports for all but every seventh cell.
func largeProfile() (*Profile, []Report) {
	p := &Profile{ContractValuePence: 987_654_321_00, AtRiskPercent: mustDec("2.5")}
	for i := range 40 {
		p.Periods = append(p.Periods, fmt.Sprintf("%d-Q%d", 2027+i/4, i%4+1))
	}
	for i := range 50 {
		ind := Indicator{ID: fmt.Sprintf("I%02d", i), WeightPercent: mustDec("2"), Direction: Higher}
		switch i % 4 {
		case 0:
			ind.Curve = curveLinear("60", "80")
		case 1:
			ind.Curve = curveThreshold("85.5")
		case 2:
			ind.Curve = Curve{Type: Banded, Bands: []Band{{mustDec("40"), mustDec("25")}, {mustDec("50"), mustDec("50")}, {mustDec("60"), mustDec("100")}}}
		case 3:
			ind.Direction = Lower
			ind.Curve = curveLinear("28", "14")
		}
		p.Indicators = append(p.Indicators, ind)
	}
	rng := rand.New(rand.NewPCG(4, 4))
	var reps []Report
	for _, period := range p.Periods {
		for _, ind := range p.Indicators {
			if rng.IntN(7) == 0 {
				continue
			}
			v := new(big.Rat).SetFrac64(int64(rng.IntN(10_000)), 100) // 0.00–99.99
			reps = append(reps, Report{Period: period, Indicator: ind.ID, Value: v})
		}
	}
	return p, reps
}

func BenchmarkCalculate50x40(b *testing.B) {
	p, reps := largeProfile()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Calculate(p, reps); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseReportsCSV50x40(b *testing.B) {
	p, reps := largeProfile()
	var sb strings.Builder
	sb.WriteString("period,indicator,value\n")
	for _, r := range reps {
		fmt.Fprintf(&sb, "%s,%s,%s\n", r.Period, r.Indicator, Dec(r.Value))
	}
	src := sb.String()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseReportsCSV(strings.NewReader(src), "r.csv", p); err != nil {
			b.Fatal(err)
		}
	}
}

// specText makes a words-long text of specification prose.
func specText(rng *rand.Rand, words int) []string {
	vocab := strings.Fields("the service will support young people and their families to feel better sooner with care " +
		"plans written together reasonable adjustments offered at first contact easy read letters named worker " +
		"within four weeks of referral outcomes measured at discharge listened to and believed")
	out := make([]string, words)
	for i := range out {
		out[i] = vocab[rng.IntN(len(vocab))]
		if rng.IntN(15) == 0 {
			out[i] += "."
		}
	}
	return out
}

// BenchmarkDiffWords5000 compares two 5,000-word versions where about one
// word in twenty was replaced, deleted or added.
func BenchmarkDiffWords5000(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 7))
	a := specText(rng, 5000)
	var edited []string
	for _, w := range a {
		switch rng.IntN(60) {
		case 0:
			edited = append(edited, "changed")
		case 1: // deleted
		case 2:
			edited = append(edited, w, "added")
		default:
			edited = append(edited, w)
		}
	}
	old, new := strings.Join(a, " "), strings.Join(edited, " ")
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		DiffWords(old, new)
	}
}

// BenchmarkDiffWords5000Rewritten is the worst case: two unrelated
// 5,000-word texts from the same vocabulary (a full rewrite).
func BenchmarkDiffWords5000Rewritten(b *testing.B) {
	rng := rand.New(rand.NewPCG(8, 8))
	old, new := strings.Join(specText(rng, 5000), " "), strings.Join(specText(rng, 5000), " ")
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		DiffWords(old, new)
	}
}

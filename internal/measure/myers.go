package measure

// This file is Myers' O((N+M)·D) difference algorithm ("An O(ND)
// Difference Algorithm and Its Variations", 1986) in its linear-space
// form: find the middle snake of the edit graph by searching forwards from
// the start and backwards from the end at once, split there, and recurse.
// Memory stays linear in the input, so two long specification versions
// can be compared on a small server.
//
// Time is bounded too: when the search for a middle snake passes
// costLimit edits (two largely rewritten texts), it settles for the
// furthest point the forward search reached, as GNU diff does when a
// minimal answer is "too expensive". The result is still a correct
// comparison, just not always the shortest one.

// defaultCostLimit is high enough that ordinary revisions of a long
// specification are compared exactly (see BenchmarkDiffWords5000).
const defaultCostLimit = 1024

// lcsMarks compares a and b (tokens interned as ints) and marks which
// elements of a are deleted and which of b are inserted; the rest form a
// longest common subsequence.
func lcsMarks(a, b []int32) (delA, insB []bool) {
	return lcsMarksLimit(a, b, defaultCostLimit)
}

func lcsMarksLimit(a, b []int32, costLimit int) (delA, insB []bool) {
	d := &differ{a: a, b: b, delA: make([]bool, len(a)), insB: make([]bool, len(b)), costLimit: costLimit}
	d.compare(0, len(a), 0, len(b))
	return d.delA, d.insB
}

type differ struct {
	a, b       []int32
	delA, insB []bool
	v1, v2     []int // scratch for the forward and backward searches
	costLimit  int
}

// compare marks the differences between a[alo:ahi] and b[blo:bhi].
func (d *differ) compare(alo, ahi, blo, bhi int) {
	// Common prefix and suffix are unchanged; strip them first.
	for alo < ahi && blo < bhi && d.a[alo] == d.b[blo] {
		alo++
		blo++
	}
	for alo < ahi && blo < bhi && d.a[ahi-1] == d.b[bhi-1] {
		ahi--
		bhi--
	}
	switch {
	case alo == ahi:
		for j := blo; j < bhi; j++ {
			d.insB[j] = true
		}
		return
	case blo == bhi:
		for i := alo; i < ahi; i++ {
			d.delA[i] = true
		}
		return
	}
	x, y, ok := d.middle(alo, ahi, blo, bhi)
	if !ok {
		// No common element at all.
		for i := alo; i < ahi; i++ {
			d.delA[i] = true
		}
		for j := blo; j < bhi; j++ {
			d.insB[j] = true
		}
		return
	}
	d.compare(alo, x, blo, y)
	d.compare(x, ahi, y, bhi)
}

// middle finds a point (x, y) on an optimal edit path through the middle
// of the edit graph of a[alo:ahi] and b[blo:bhi], strictly inside it so
// that both halves are smaller. Coordinates are absolute.
func (d *differ) middle(alo, ahi, blo, bhi int) (x, y int, ok bool) {
	a, b := d.a[alo:ahi], d.b[blo:bhi]
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD + 1
	size := 2*maxD + 3
	if cap(d.v1) < size {
		d.v1 = make([]int, size)
		d.v2 = make([]int, size)
	}
	v1, v2 := d.v1[:size], d.v2[:size]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	odd := delta%2 != 0
	// k ranges that have run off the edge of the graph are skipped.
	k1lo, k1hi, k2lo, k2hi := 0, 0, 0, 0
	for dd := 0; dd < maxD; dd++ {
		if dd > d.costLimit {
			return d.furthest(alo, blo, n, m, dd-1, k1lo, k1hi)
		}
		// Forward: furthest-reaching path on each diagonal k = x − y.
		for k := -dd + k1lo; k <= dd-k1hi; k += 2 {
			var x1 int
			if k == -dd || (k != dd && v1[off+k-1] < v1[off+k+1]) {
				x1 = v1[off+k+1]
			} else {
				x1 = v1[off+k-1] + 1
			}
			y1 := x1 - k
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[off+k] = x1
			switch {
			case x1 > n:
				k1hi += 2
			case y1 > m:
				k1lo += 2
			case odd:
				k2 := delta - k
				if k2 >= -dd && k2 <= dd && v2[off+k2] != -1 {
					if x1 >= n-v2[off+k2] {
						return alo + x1, blo + y1, true
					}
				}
			}
		}
		// Backward: the same from the end, on reversed sequences.
		for k := -dd + k2lo; k <= dd-k2hi; k += 2 {
			var x2 int
			if k == -dd || (k != dd && v2[off+k-1] < v2[off+k+1]) {
				x2 = v2[off+k+1]
			} else {
				x2 = v2[off+k-1] + 1
			}
			y2 := x2 - k
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[off+k] = x2
			switch {
			case x2 > n:
				k2hi += 2
			case y2 > m:
				k2lo += 2
			case !odd:
				k1 := delta - k
				if k1 >= -dd && k1 <= dd && v1[off+k1] != -1 {
					x1 := v1[off+k1]
					y1 := x1 - k1
					if x1 >= n-x2 {
						return alo + x1, blo + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}

// furthest returns the point the forward search reached that is furthest
// along (largest x + y) after dd steps, if it is strictly inside the graph.
func (d *differ) furthest(alo, blo, n, m, dd, klo, khi int) (x, y int, ok bool) {
	off := (n+m+1)/2 + 1
	best := -1
	for k := -dd + klo; k <= dd-khi; k += 2 {
		x1 := d.v1[off+k]
		y1 := x1 - k
		if x1 < 0 || x1 > n || y1 < 0 || y1 > m {
			continue
		}
		if x1+y1 > best && x1+y1 < n+m {
			best, x, y = x1+y1, x1, y1
		}
	}
	if best <= 0 {
		return 0, 0, false
	}
	return alo + x, blo + y, true
}

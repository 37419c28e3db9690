package main

import (
	"strings"
	"testing"
)

// "coprod spc" is wired to internal/cli/spccli: the hand-worked shift series
// (seven points above a mean of 77/15, lower is better) reads from standard
// input and reports its one signal as concern.
func TestSpcCommand(t *testing.T) {
	in := "1\n9\n1\n9\n1\n9\n1\n6\n7\n6\n7\n6\n7\n6\n1\n"
	code, out, errOut := runCmd(t, in, "spc", "--direction", "down", "-")
	if code != 0 || !strings.Contains(out, "Mean 5.133333;") ||
		!strings.Contains(out, "7 points in a row are above the mean, from point 8 to point 14: concern") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "1\nx\n", "spc", "-"); code != 2 || !strings.Contains(errOut, "standard input:2:") {
		t.Errorf("bad value: exit %d %q", code, errOut)
	}
}

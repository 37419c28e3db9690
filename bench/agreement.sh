#!/bin/sh
# Agreement speed (issue 18): Krippendorff's alpha, nominal, for 1,000,000
# units by 5 coders with missing values, on one core. It generates the data
# as CSV (five values, about one cell in ten blank, the same file every run),
# then times:
#   - the Go code alone (BenchmarkAlphaNominal1Mx5, -cpu 1, same shape of data);
#   - `coprod qda agreement` on the CSV, end to end (reading included), on one core;
#   - the npm package krippendorff 0.1.0 on the same CSV, installed into a
#     temporary directory, its CSV reading timed apart from alpha().
# and prints both alphas, which must agree. The npm package loops over every
# pair of values for every unit, so it is given TIMEOUT (default 900 s).
#
#   bench/agreement.sh
#   UNITS=100000 bench/agreement.sh     # a smaller run
set -eu
cd "$(dirname "$0")/.."
UNITS="${UNITS:-1000000}"
TIMEOUT="${TIMEOUT:-900}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM

awk -v units="$UNITS" 'BEGIN {
	srand(18)
	print "coder1,coder2,coder3,coder4,coder5"
	for (u = 0; u < units; u++) {
		truth = 1 + int(rand() * 5)
		line = ""
		for (c = 0; c < 5; c++) {
			x = rand()
			if (x < 0.1) v = ""
			else if (x < 0.3) v = 1 + int(rand() * 5)
			else v = truth
			line = line (c ? "," : "") v
		}
		print line
	}
}' >"$work/data.csv"
blanks=$(awk -F, 'NR > 1 { for (i = 1; i <= 5; i++) if ($i == "") n++ } END { print n + 0 }' "$work/data.csv")
echo "data: $UNITS units x 5 coders, $blanks blank cells, $(wc -c <"$work/data.csv") bytes"

echo
echo "== Go, alpha alone (go test -bench, one core)"
go test -run '^$' -bench 'AlphaNominal1Mx5' -benchtime 5x -cpu 1 ./internal/agreement | grep Benchmark

go build -o "$work/coprod" ./cmd/coprod
echo
echo "== Go, coprod qda agreement on the CSV (GOMAXPROCS=1, reading included)"
start=$(date +%s%N)
GOMAXPROCS=1 "$work/coprod" qda agreement --bootstrap 0 --format json "$work/data.csv" >"$work/go.json"
end=$(date +%s%N)
go_alpha=$(sed -n 's/^  "value": \(.*\),$/\1/p' "$work/go.json")
echo "alpha $go_alpha in $(( (end - start) / 1000000 )) ms"

echo
echo "== npm krippendorff 0.1.0 on the same CSV (node, one thread)"
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund krippendorff@0.1.0 >/dev/null)
cat >"$work/alpha.js" <<'JS'
const { alpha } = require("krippendorff");
const fs = require("fs");
let t0 = process.hrtime.bigint();
const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").slice(1).filter((l) => l !== "");
const raters = [[], [], [], [], []];
for (const line of lines) {
  const cells = line.split(",");
  for (let c = 0; c < 5; c++) raters[c].push(cells[c] === "" ? undefined : Number(cells[c]));
}
let t1 = process.hrtime.bigint();
const a = alpha(raters);
let t2 = process.hrtime.bigint();
console.log(`alpha ${a} in ${(t2 - t1) / 1000000n} ms (reading the CSV: ${(t1 - t0) / 1000000n} ms)`);
JS
if out=$(cd "$work" && timeout "$TIMEOUT" node --max-old-space-size=4096 alpha.js data.csv); then
	echo "$out"
	npm_alpha=$(echo "$out" | sed -n 's/^alpha \([^ ]*\) in.*/\1/p')
	awk -v a="$go_alpha" -v b="$npm_alpha" 'BEGIN { d = a - b; if (d < 0) d = -d; print (d < 1e-9 ? "the two alphas agree" : "THE ALPHAS DIFFER by " d) }'
else
	echo "npm krippendorff did not finish within $TIMEOUT s"
fi

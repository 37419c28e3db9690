#!/bin/sh
# Renders every picture of internal/pictures/svg as a 160 × 160 PNG into
# png/, for the Word documents the product writes (Word before 2016 cannot
# show SVG). Run it after adding pictures; the test fails until you do.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -eu
cd "$(dirname "$0")"
rm -f png/*.png
for f in ../svg/*.svg; do
	name=$(basename "$f" .svg)
	rsvg-convert --width 160 --height 160 --keep-aspect-ratio "$f" --output "png/$name.png"
done

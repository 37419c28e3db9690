package tendercli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/tender"
)

// defaultTitle stands in for an ITT file without a title: the engine needs
// one for a tender that is published, not for a score.
const defaultTitle = "Invitation to tender"

const maxBidID, maxBidName = 100, 200

// The keys itt.json may have at each level, in the order the usage shows.
var (
	ittKeys       = []string{"title", "stake_percent", "price_weight_percent", "scale_max", "tie_break", "criteria", "bids"}
	criterionKeys = []string{"id", "title", "guidance", "weight_percent", "panel", "lep_share", "min_score"}
	bidKeys       = []string{"id", "name", "price_pence"}
)

// ittReader turns itt.json into the engine's types, collecting every
// problem with the path of the field ("criteria[2].lep_share").
type ittReader struct {
	name  string
	probs []string
}

func (r *ittReader) add(path, format string, args ...any) {
	if path == "" {
		r.probs = append(r.probs, r.name+": "+fmt.Sprintf(format, args...))
		return
	}
	r.probs = append(r.probs, r.name+": "+path+": "+fmt.Sprintf(format, args...))
}

// parseITT reads itt.json. Weights, shares and the stake are read exactly
// from their text, as JSON numbers or strings; whole numbers (scale_max,
// min_score, price_pence) must be whole. It reports whether a title was given.
func parseITT(name string, data []byte) (tender.ITT, []tender.Bid, bool, []string) {
	r := &ittReader{name: name}
	var t tender.ITT
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		r.syntax(data, err)
		return t, nil, false, r.probs
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		line, col := position(data, int(dec.InputOffset()))
		r.probs = append(r.probs, fmt.Sprintf("%s:%d:%d: unexpected text after the end of the JSON object", name, line, col))
		return t, nil, false, r.probs
	}
	top, ok := r.object(raw, "", "the file", ittKeys)
	if !ok {
		return t, nil, false, r.probs
	}
	titled := false
	t.Title = defaultTitle
	if v, ok := top["title"]; ok {
		if s, ok := r.str(v, "title"); ok && strings.TrimSpace(s) != "" {
			t.Title, titled = s, true
		}
	}
	t.Stake, _ = r.number(top, "stake_percent", "", true, true)
	t.PriceWeight, _ = r.number(top, "price_weight_percent", "", true, true)
	t.Scale = tender.DefaultScale()
	if v, ok := top["scale_max"]; ok && !isNull(v) {
		if n, ok := r.whole(v, "scale_max"); ok {
			switch {
			case n < tender.MinScaleMax || n > tender.MaxScaleMax:
				r.add("scale_max", "the top of the scale must be between %d and %d, not %d", tender.MinScaleMax, tender.MaxScaleMax, n)
			case n != int64(tender.DefaultScale().Max):
				t.Scale = tender.Scale{Max: int(n)}
				for i := 0; i <= int(n); i++ {
					t.Scale.Descriptors = append(t.Scale.Descriptors, fmt.Sprintf("Score %d", i))
				}
			}
		}
	}
	if v, ok := top["tie_break"]; ok && !isNull(v) {
		t.TieBreak = r.tieBreak(v)
	}
	t.Criteria = r.criteria(top["criteria"])
	bids := r.bids(top["bids"], t.PriceWeight)
	return t, bids, titled, r.probs
}

func (r *ittReader) tieBreak(v json.RawMessage) tender.TieBreak {
	items, ok := r.array(v, "tie_break", maxCriteria)
	if !ok {
		return nil
	}
	var tb tender.TieBreak
	for i, item := range items {
		path := fmt.Sprintf("tie_break[%d]", i)
		s, ok := r.str(item, path)
		if !ok {
			continue
		}
		k := tender.TieBreakKey(s)
		if !k.Valid() {
			r.add(path, "unknown tie-break rule %q (the rules are %s, %s, %s and %s)", s,
				tender.HighestQuality, tender.HighestLEP, tender.HighestCommissioner, tender.LowestPrice)
			continue
		}
		tb = append(tb, k)
	}
	return tb
}

func (r *ittReader) criteria(v json.RawMessage) []tender.Criterion {
	if v == nil || isNull(v) {
		r.add("criteria", "missing: list the quality criteria")
		return nil
	}
	items, ok := r.array(v, "criteria", maxCriteria)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		r.add("criteria", "empty: list at least one quality criterion")
	}
	out := make([]tender.Criterion, 0, len(items))
	for i, item := range items {
		path := fmt.Sprintf("criteria[%d]", i)
		obj, ok := r.object(item, path, "each criterion", criterionKeys)
		if !ok {
			continue
		}
		var c tender.Criterion
		if id, ok := r.requiredStr(obj, "id", path); ok {
			if strings.IndexFunc(id, unicode.IsControl) >= 0 {
				r.add(path+".id", "criterion reference %q must not hold control characters", id)
			}
			c.ID = id
		}
		if v, ok := obj["title"]; ok && !isNull(v) {
			c.Question, _ = r.str(v, path+".title")
		}
		if strings.TrimSpace(c.Question) == "" {
			c.Question = c.ID // the title is for people; scoring does not need it
		}
		if v, ok := obj["guidance"]; ok && !isNull(v) {
			c.Guidance, _ = r.str(v, path+".guidance")
		}
		c.Weight, _ = r.number(obj, "weight_percent", path, true, true)
		if p, ok := r.requiredStr(obj, "panel", path); ok {
			c.Panel = tender.Panel(p)
			if !c.Panel.Valid() {
				r.add(path+".panel", "unknown panel %q (use %s, %s or %s)", p, tender.Commissioner, tender.LivedExperience, tender.Joint)
			}
		}
		c.LEPShare, _ = r.number(obj, "lep_share", path, false, false)
		if c.Panel == tender.Joint {
			if v, ok := obj["lep_share"]; !ok || isNull(v) {
				r.add(path+".lep_share", "missing: a joint criterion needs the lived experience panel's share, between 0 and 1 (like 0.5)")
			}
		}
		if v, ok := obj["min_score"]; ok && !isNull(v) {
			if n, ok := r.whole(v, path+".min_score"); ok {
				if n < 0 || n > tender.MaxScaleMax {
					r.add(path+".min_score", "the minimum score %d is not on the scale", n)
				} else {
					m := int(n)
					c.MinScore = &m
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func (r *ittReader) bids(v json.RawMessage, priceWeight tender.Rat) []tender.Bid {
	if v == nil || isNull(v) {
		r.add("bids", "missing: list the bids, each with an id and price_pence")
		return nil
	}
	items, ok := r.array(v, "bids", maxBids)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		r.add("bids", "empty: list at least one bid")
	}
	out := make([]tender.Bid, 0, len(items))
	seen := map[string]int{}
	for i, item := range items {
		path := fmt.Sprintf("bids[%d]", i)
		obj, ok := r.object(item, path, "each bid", bidKeys)
		if !ok {
			continue
		}
		var b tender.Bid
		if id, ok := r.requiredStr(obj, "id", path); ok {
			switch {
			case strings.TrimSpace(id) == "":
				r.add(path+".id", "empty: give the bid a reference, like A")
			case strings.TrimSpace(id) != id || strings.IndexFunc(id, unicode.IsControl) >= 0:
				r.add(path+".id", "bid reference %q must not start or end with spaces or hold control characters", id)
			case utf8.RuneCountInString(id) > maxBidID:
				r.add(path+".id", "bid reference must be %d characters or fewer", maxBidID)
			default:
				if j, dup := seen[id]; dup {
					r.add(path+".id", "bid %q is listed twice (also bids[%d])", id, j)
				}
				seen[id] = i
				b.ID = id
			}
		}
		if v, ok := obj["name"]; ok && !isNull(v) {
			if s, ok := r.str(v, path+".name"); ok {
				if utf8.RuneCountInString(s) > maxBidName {
					r.add(path+".name", "the name must be %d characters or fewer", maxBidName)
				}
				b.Name = s
			}
		}
		if v, ok := obj["price_pence"]; !ok || isNull(v) {
			r.add(path+".price_pence", "missing: give the bid's price in pence, like 100000000 for £1,000,000")
		} else if n, ok := r.whole(v, path+".price_pence"); ok {
			switch {
			case n < 0:
				r.add(path+".price_pence", "the price cannot be negative")
			case n == 0 && priceWeight.Sign() > 0:
				r.add(path+".price_pence", "the price must be more than 0 because price has a weight")
			default:
				b.PricePence = n
			}
		}
		out = append(out, b)
	}
	return out
}

// object reads v as a JSON object. Keys not in allowed, and keys given
// twice, are reported; the object is still read so that its other
// problems are reported too. ok is false when v is not an object.
func (r *ittReader) object(v json.RawMessage, path, what string, allowed []string) (map[string]json.RawMessage, bool) {
	where := path
	if where == "" {
		where = what
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		r.add(path, "%s must be a JSON object {...}, not %s", what, kind(v))
		return nil, false
	}
	out := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		key, isStr := tok.(string)
		if err != nil || !isStr {
			r.add(path, "cannot read %s", where) // unreachable: the file is valid JSON
			return nil, false
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			r.add(path, "cannot read %s", where)
			return nil, false
		}
		field := key
		if path != "" {
			field = path + "." + key
		}
		switch {
		case !contains(allowed, key):
			r.add(field, "unknown field; %s may have %s", what, strings.Join(allowed, ", "))
		case out[key] != nil:
			r.add(field, "given twice")
		}
		out[key] = val
	}
	return out, true
}

// array reads v as a JSON array of at most limit items.
func (r *ittReader) array(v json.RawMessage, path string, limit int) ([]json.RawMessage, bool) {
	var items []json.RawMessage
	if len(v) == 0 || v[0] != '[' || json.Unmarshal(v, &items) != nil {
		r.add(path, "must be a list [...], not %s", kind(v))
		return nil, false
	}
	if len(items) > limit {
		r.add(path, "%d items; at most %d can be scored at once", len(items), limit)
		return nil, false
	}
	return items, true
}

func (r *ittReader) str(v json.RawMessage, path string) (string, bool) {
	var s string
	if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, &s) != nil {
		r.add(path, "must be text in quotes, not %s", kind(v))
		return "", false
	}
	return s, true
}

func (r *ittReader) requiredStr(obj map[string]json.RawMessage, key, path string) (string, bool) {
	v, ok := obj[key]
	if !ok || isNull(v) {
		r.add(path+"."+key, "missing")
		return "", false
	}
	return r.str(v, path+"."+key)
}

// number reads obj[key] as an exact number: a JSON number, or a string
// holding a decimal or a fraction ("12.5", "1/3"; "20%" for a percentage).
func (r *ittReader) number(obj map[string]json.RawMessage, key, path string, required, percent bool) (tender.Rat, bool) {
	field := key
	if path != "" {
		field = path + "." + key
	}
	v, ok := obj[key]
	if !ok || isNull(v) {
		if required {
			r.add(field, "missing")
		}
		return tender.Rat{}, false
	}
	return r.numberValue(v, field, percent)
}

func (r *ittReader) numberValue(v json.RawMessage, field string, percent bool) (tender.Rat, bool) {
	var text string
	switch {
	case len(v) > 0 && v[0] == '"':
		if json.Unmarshal(v, &text) != nil {
			r.add(field, "cannot read the text")
			return tender.Rat{}, false
		}
	case len(v) > 0 && (v[0] == '-' || (v[0] >= '0' && v[0] <= '9')):
		text = string(v)
	default:
		r.add(field, "must be a number, not %s", kind(v))
		return tender.Rat{}, false
	}
	parse := tender.ParseDecimal
	if percent {
		parse = tender.ParsePercent
	}
	x, err := parse(text)
	if err != nil {
		r.add(field, "%s is not a number (write it like 12.5, or as a fraction in quotes like \"1/3\")", quoteShort(text))
		return tender.Rat{}, false
	}
	return x, true
}

// whole reads v as a whole number that fits in an int64.
func (r *ittReader) whole(v json.RawMessage, field string) (int64, bool) {
	x, ok := r.numberValue(v, field, false)
	if !ok {
		return 0, false
	}
	if !x.IsInt() {
		r.add(field, "must be a whole number, not %s", x)
		return 0, false
	}
	n := x.Big().Num()
	if !n.IsInt64() || n.Int64() == math.MinInt64 {
		r.add(field, "%s is too large", quoteShort(n.String()))
		return 0, false
	}
	return n.Int64(), true
}

// syntax reports a JSON syntax error with its line and column.
func (r *ittReader) syntax(data []byte, err error) {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		r.add("", "empty: expected a JSON object {...}")
	case errors.Is(err, io.ErrUnexpectedEOF):
		r.add("", "the JSON ends too early: a bracket, brace or quote is not closed")
	case errors.As(err, &se):
		line, col := position(data, int(se.Offset))
		msg := strings.TrimPrefix(se.Error(), "json: ")
		r.probs = append(r.probs, fmt.Sprintf("%s:%d:%d: not valid JSON: %s", r.name, line, col, msg))
	case errors.As(err, &te):
		r.add("", "not valid JSON: %v", te)
	default:
		r.add("", "not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(data []byte, offset int) (line, col int) {
	if offset > len(data) {
		offset = len(data)
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// kind names what a JSON value is, for messages.
func kind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text " + quoteShort(string(v[1:max(1, len(v)-1)]))
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "the number " + quoteShort(string(v))
}

// quoteShort quotes s for a message, shortened when long.
func quoteShort(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) > n {
		rs := []rune(s)
		return fmt.Sprintf("%q…", string(rs[:n]))
	}
	return fmt.Sprintf("%q", s)
}

func isNull(v json.RawMessage) bool { return string(bytes.TrimSpace(v)) == "null" }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

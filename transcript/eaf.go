package transcript

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// eafDecoder reads ELAN .eaf documents with encoding/xml token streaming.
// Annotations on independent tiers (those without PARENT_REF) are the
// utterances; annotations on dependent tiers (words, translations,
// glosses, gestures included in a parent) are kept as Dependent material
// of the independent annotation they belong to. ELAN stores tiers one
// after another, not in time order, so this decoder reads the document
// before returning the first utterance, then returns them by start time.
type eafDecoder struct {
	r    io.Reader
	file string
	hdr  Header
	read bool
	utts []*Utterance
	next int
	err  error
}

// NewEAFDecoder returns an ELAN decoder.
func NewEAFDecoder(name string, r io.Reader) Decoder {
	return &eafDecoder{r: r, file: name, hdr: Header{Format: FormatEAF}}
}

func (d *eafDecoder) Header() *Header { return &d.hdr }

func (d *eafDecoder) Next() (*Utterance, error) {
	if d.err != nil {
		return nil, d.err
	}
	if !d.read {
		d.read = true
		if err := d.load(); err != nil {
			d.err = err
			return nil, err
		}
	}
	if d.next >= len(d.utts) {
		d.err = io.EOF
		return nil, io.EOF
	}
	u := d.utts[d.next]
	d.utts[d.next] = nil // let the caller's copy be the only one
	d.next++
	return u, nil
}

type eafSlot struct {
	ms  int64
	has bool
}

type eafTier struct {
	id, participant, parent string
	line, col               int
	root                    int // index of the independent tier it hangs from
}

type eafAnn struct {
	id, ref, ts1, ts2 string
	tier              int
	value             string
	line, col         int
	start, end        int64
	timed             bool
}

type eafDoc struct {
	file      string
	slots     []eafSlot
	slotIndex map[string]int
	tiers     []eafTier
	tierIndex map[string]int
	anns      []eafAnn
	annIndex  map[string]int
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (d *eafDecoder) load() error {
	doc := &eafDoc{file: d.file, slotIndex: map[string]int{}, tierIndex: map[string]int{}, annIndex: map[string]int{}}
	if err := doc.parse(d.r); err != nil {
		return err
	}
	if err := doc.resolve(); err != nil {
		return err
	}
	d.utts = doc.utterances(&d.hdr)
	return nil
}

// parse streams the XML tokens into doc.
func (doc *eafDoc) parse(r io.Reader) error {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "us-ascii") {
			return input, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	fail := func(format string, args ...any) error {
		line, col := dec.InputPos()
		return errAt(doc.file, line, col, format, args...)
	}
	tier := -1
	ann := -1
	inValue := false
	var value strings.Builder
	root := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if !root {
				return fail("not an ELAN document (no ANNOTATION_DOCUMENT element)")
			}
			return nil
		}
		if err != nil {
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return fail("bad XML: %s", msg)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, col := dec.InputPos()
			switch t.Name.Local {
			case "ANNOTATION_DOCUMENT":
				root = true
			case "TIME_SLOT":
				id, _ := attr(t, "TIME_SLOT_ID")
				if id == "" {
					return fail("TIME_SLOT without TIME_SLOT_ID")
				}
				if _, dup := doc.slotIndex[id]; dup {
					return fail("time slot %s defined twice", id)
				}
				s := eafSlot{}
				if v, ok := attr(t, "TIME_VALUE"); ok {
					ms, ok := parseDigits(strings.TrimSpace(v))
					if !ok {
						return fail("bad TIME_VALUE %q", v)
					}
					s = eafSlot{ms: ms, has: true}
				}
				doc.slotIndex[id] = len(doc.slots)
				doc.slots = append(doc.slots, s)
			case "TIER":
				id, _ := attr(t, "TIER_ID")
				if id == "" {
					return fail("TIER without TIER_ID")
				}
				if _, dup := doc.tierIndex[id]; dup {
					return fail("tier %s defined twice", id)
				}
				p, _ := attr(t, "PARTICIPANT")
				parent, _ := attr(t, "PARENT_REF")
				tier = len(doc.tiers)
				doc.tierIndex[id] = tier
				doc.tiers = append(doc.tiers, eafTier{id: id, participant: strings.TrimSpace(p), parent: parent, line: line, col: col})
			case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION":
				if tier < 0 {
					return fail("annotation outside a tier")
				}
				a := eafAnn{tier: tier, line: line, col: col}
				a.id, _ = attr(t, "ANNOTATION_ID")
				if a.id == "" {
					return fail("annotation without ANNOTATION_ID")
				}
				if _, dup := doc.annIndex[a.id]; dup {
					return fail("annotation %s defined twice", a.id)
				}
				if t.Name.Local == "ALIGNABLE_ANNOTATION" {
					a.ts1, _ = attr(t, "TIME_SLOT_REF1")
					a.ts2, _ = attr(t, "TIME_SLOT_REF2")
					if a.ts1 == "" || a.ts2 == "" {
						return fail("alignable annotation %s needs TIME_SLOT_REF1 and TIME_SLOT_REF2", a.id)
					}
				} else {
					a.ref, _ = attr(t, "ANNOTATION_REF")
					if a.ref == "" {
						return fail("reference annotation %s needs ANNOTATION_REF", a.id)
					}
				}
				ann = len(doc.anns)
				doc.annIndex[a.id] = ann
				doc.anns = append(doc.anns, a)
			case "ANNOTATION_VALUE":
				if ann >= 0 {
					inValue = true
					value.Reset()
				}
			}
		case xml.CharData:
			if inValue {
				value.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "ANNOTATION_VALUE":
				if inValue {
					doc.anns[ann].value = strings.TrimSpace(value.String())
					inValue = false
				}
			case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION":
				ann = -1
			case "TIER":
				tier = -1
			}
		}
	}
}

// resolve interpolates unaligned time slots, finds each tier's root and
// gives every annotation its times.
func (doc *eafDoc) resolve() error {
	interpolateSlots(doc.slots)
	for i := range doc.tiers {
		t := &doc.tiers[i]
		cur, steps := i, 0
		for doc.tiers[cur].parent != "" {
			p, ok := doc.tierIndex[doc.tiers[cur].parent]
			if !ok {
				return errAt(doc.file, t.line, t.col, "tier %s: parent tier %s does not exist", doc.tiers[cur].id, doc.tiers[cur].parent)
			}
			if steps++; steps > len(doc.tiers) {
				return errAt(doc.file, t.line, t.col, "tier %s: its parents form a loop", t.id)
			}
			cur = p
		}
		t.root = cur
	}
	for i := range doc.anns {
		if err := doc.times(i, 0); err != nil {
			return err
		}
	}
	return nil
}

// times sets annotation i's times: from its slots, or from the annotation
// it refers to.
func (doc *eafDoc) times(i, depth int) error {
	a := &doc.anns[i]
	if a.timed || depth > len(doc.anns) {
		return nil
	}
	if a.ref == "" {
		s1, ok1 := doc.slotIndex[a.ts1]
		s2, ok2 := doc.slotIndex[a.ts2]
		if !ok1 || !ok2 {
			return errAt(doc.file, a.line, a.col, "annotation %s refers to a time slot that does not exist", a.id)
		}
		a.start, a.end, a.timed = doc.slots[s1].ms, doc.slots[s2].ms, true
		if a.end < a.start {
			return errAt(doc.file, a.line, a.col, "annotation %s ends before it starts", a.id)
		}
		return nil
	}
	p, ok := doc.annIndex[a.ref]
	if !ok {
		return errAt(doc.file, a.line, a.col, "annotation %s refers to annotation %s, which does not exist", a.id, a.ref)
	}
	if p == i || depth >= len(doc.anns) {
		return errAt(doc.file, a.line, a.col, "annotation %s refers to itself", a.id)
	}
	if err := doc.times(p, depth+1); err != nil {
		return err
	}
	a.start, a.end, a.timed = doc.anns[p].start, doc.anns[p].end, true
	if doc.tiers[doc.anns[p].tier].root != doc.tiers[a.tier].root {
		return errAt(doc.file, a.line, a.col, "annotation %s refers to an annotation on an unrelated tier", a.id)
	}
	return nil
}

// interpolateSlots gives each time slot without a value a time spread
// evenly between the aligned slots before and after it in TIME_ORDER.
func interpolateSlots(slots []eafSlot) {
	prev := -1
	for i := 0; i <= len(slots); i++ {
		if i < len(slots) && !slots[i].has {
			continue
		}
		// slots prev+1 .. i-1 are unaligned
		if gap := i - prev - 1; gap > 0 {
			var from, to int64
			switch {
			case prev < 0 && i == len(slots):
			case prev < 0:
				from, to = slots[i].ms, slots[i].ms
			case i == len(slots):
				from, to = slots[prev].ms, slots[prev].ms
			default:
				from, to = slots[prev].ms, slots[i].ms
			}
			for k := 1; k <= gap; k++ {
				// float arithmetic: (to-from)*k could overflow int64
				slots[prev+k].ms = from + int64(float64(to-from)*float64(k)/float64(gap+1))
			}
		}
		prev = i
	}
}

// utterances builds the utterances, attaches dependent annotations to the
// independent annotation they belong to, and orders them by start time.
func (doc *eafDoc) utterances(h *Header) []*Utterance {
	var tok plainTokenizer
	byTier := map[int][]*Utterance{}
	own := make([]*Utterance, len(doc.anns))
	var utts []*Utterance
	for i := range doc.anns {
		a := &doc.anns[i]
		t := &doc.tiers[a.tier]
		if t.parent != "" {
			continue
		}
		sp := t.participant
		if sp == "" {
			sp = t.id
		}
		if _, ok := h.Participant(sp); !ok {
			h.Participants = append(h.Participants, Participant{ID: sp, Name: t.participant})
		}
		u := &Utterance{Speaker: sp, Text: a.value, Start: a.start, End: a.end, Timed: true, Line: a.line, GapBefore: -1}
		tok.tokenize(u)
		own[i] = u
		byTier[a.tier] = append(byTier[a.tier], u)
		utts = append(utts, u)
	}
	for _, us := range byTier {
		sort.SliceStable(us, func(i, j int) bool { return us[i].Start < us[j].Start })
	}
	for i := range doc.anns {
		a := &doc.anns[i]
		t := &doc.tiers[a.tier]
		if t.parent == "" {
			continue
		}
		// Follow references to an independent annotation; otherwise find
		// the root tier's annotation whose time span holds this one.
		var host *Utterance
		cur := i
		for steps := 0; steps <= len(doc.anns); steps++ {
			c := &doc.anns[cur]
			if doc.tiers[c.tier].parent == "" {
				host = own[cur]
				break
			}
			if c.ref == "" {
				host = containing(byTier[t.root], c.start, c.end)
				break
			}
			cur = doc.annIndex[c.ref]
		}
		if host != nil {
			host.Dependent = append(host.Dependent, Dependent{Tier: t.id, Text: a.value, Line: a.line})
		}
	}
	sort.SliceStable(utts, func(i, j int) bool { return utts[i].Start < utts[j].Start })
	return utts
}

// containing returns the utterance of a tier (sorted by start) whose span
// holds [start, end].
func containing(us []*Utterance, start, end int64) *Utterance {
	k := sort.Search(len(us), func(i int) bool { return us[i].Start > start })
	for i := k - 1; i >= 0; i-- {
		if us[i].End >= end || us[i].End > start {
			return us[i]
		}
		if us[i].End < start {
			break
		}
	}
	return nil
}

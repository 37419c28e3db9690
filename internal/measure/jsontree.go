package measure

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Bounds on the JSON tree, so a huge or deeply nested file cannot use
// unbounded memory or stack: a profile needs 5 levels, and 1,000
// indicators with their curves take about 20,000 values.
const (
	maxJSONDepth = 20
	maxJSONNodes = 200_000
)

// jnode is a parsed JSON value that keeps object keys in order and numbers
// as their exact text, so the profile reader can name every field in its
// messages and never round a number through float64.
type jnode struct {
	kind byte   // 'o' object, 'a' array, 's' string, 'n' number, 'b' true/false, 'z' null
	text string // a string's value or a number's literal
	keys []string
	vals []*jnode // object members, parallel to keys; array items
}

// jsonError is a syntax problem at a byte offset.
type jsonError struct {
	offset int64
	msg    string
}

func (e *jsonError) Error() string { return e.msg }

// parseJSONTree reads exactly one JSON value. Duplicate object keys are
// refused: with money at stake, "weight_percent" written twice must not
// silently mean the last one.
func parseJSONTree(data []byte) (*jnode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	nodes := 0
	n, err := readJSONValue(dec, 0, &nodes)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &jsonError{dec.InputOffset(), "unexpected text after the end of the JSON object"}
	}
	return n, nil
}

func readJSONValue(dec *json.Decoder, depth int, nodes *int) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonSyntax(dec, err)
	}
	if *nodes++; *nodes > maxJSONNodes {
		return nil, &jsonError{dec.InputOffset(), fmt.Sprintf("the JSON has more than %d values; a payment profile needs far fewer", maxJSONNodes)}
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxJSONDepth {
			return nil, &jsonError{dec.InputOffset(), "the JSON is nested too deeply"}
		}
		switch t {
		case '{':
			n := &jnode{kind: 'o'}
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, jsonSyntax(dec, err)
				}
				key, ok := kt.(string)
				if !ok { // the decoder guarantees a string key; be defensive
					return nil, &jsonError{dec.InputOffset(), "expected a field name in quotes"}
				}
				if seen[key] {
					return nil, &jsonError{dec.InputOffset(), fmt.Sprintf("the field %q appears twice in the same object", key)}
				}
				seen[key] = true
				v, err := readJSONValue(dec, depth+1, nodes)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, jsonSyntax(dec, err)
			}
			return n, nil
		case '[':
			n := &jnode{kind: 'a'}
			for dec.More() {
				v, err := readJSONValue(dec, depth+1, nodes)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, jsonSyntax(dec, err)
			}
			return n, nil
		}
		return nil, &jsonError{dec.InputOffset(), fmt.Sprintf("unexpected %q", rune(t))}
	case string:
		return &jnode{kind: 's', text: t}, nil
	case json.Number:
		return &jnode{kind: 'n', text: string(t)}, nil
	case bool:
		text := "false"
		if t {
			text = "true"
		}
		return &jnode{kind: 'b', text: text}, nil
	case nil:
		return &jnode{kind: 'z'}, nil
	}
	return nil, &jsonError{dec.InputOffset(), "unexpected JSON value"}
}

// jsonSyntax turns a decoder error into a jsonError with a plain message.
func jsonSyntax(dec *json.Decoder, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &jsonError{dec.InputOffset(), "the JSON ends too soon: check for a missing } or ]"}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &jsonError{se.Offset, "this is not valid JSON: " + se.Error()}
	}
	return &jsonError{dec.InputOffset(), "this is not valid JSON: " + err.Error()}
}

// lineAt returns the 1-based line of a byte offset in data.
func lineAt(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	return bytes.Count(data[:offset], []byte{'\n'}) + 1
}

// kindName names a JSON kind in messages.
func (n *jnode) kindName() string {
	switch n.kind {
	case 'o':
		return "an object"
	case 'a':
		return "a list"
	case 's':
		return "text"
	case 'n':
		return "a number"
	case 'b':
		return n.text
	}
	return "null"
}

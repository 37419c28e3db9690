package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"path"
	"sort"
	"strings"
)

// Check reads a .docx package and reports what would stop Word or
// LibreOffice opening it: a part that is not well-formed XML (or a picture
// that is not a PNG), a part [Content_Types].xml gives no type, an
// override for a part that is missing, a relationship whose target is not
// in the package, a picture reference with no relationship, and a picture
// part the document never shows. It returns every problem found, joined.
func Check(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a zip package: %w", err)
	}
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		parts[f.Name] = b
	}
	var ct struct {
		Defaults []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		return fmt.Errorf("[Content_Types].xml: %w", err)
	}
	byExt, byPart := map[string]string{}, map[string]string{}
	for _, d := range ct.Defaults {
		byExt[strings.ToLower(d.Extension)] = d.ContentType
	}
	for _, o := range ct.Overrides {
		name := strings.TrimPrefix(o.PartName, "/")
		if _, ok := parts[name]; !ok {
			bad("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
		byPart[name] = o.ContentType
	}
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "[Content_Types].xml" {
			continue
		}
		typ := byPart[name]
		if typ == "" {
			typ = byExt[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))]
		}
		switch {
		case typ == "":
			bad("%s has no content type", name)
		case strings.HasPrefix(typ, "image/"):
			if typ != "image/png" {
				bad("%s is %s; only PNG is written", name, typ)
			} else if _, err := png.DecodeConfig(bytes.NewReader(parts[name])); err != nil {
				bad("%s is not a PNG: %v", name, err)
			}
		default:
			if err := wellFormed(parts[name]); err != nil {
				bad("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	if byPart["word/document.xml"] != ctDoc {
		bad("word/document.xml is not typed as the main document")
	}
	docRels := map[string]string{}
	for _, name := range names {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rs struct {
			Rels []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(parts[name], &rs); err != nil {
			bad("%s: %v", name, err)
			continue
		}
		// A/_rels/B.rels is about part A/B: its targets are relative to A.
		base := path.Dir(path.Dir(name))
		for _, r := range rs.Rels {
			if r.Mode == "External" {
				continue
			}
			target := strings.TrimPrefix(path.Join(base, r.Target), "/")
			if strings.HasPrefix(r.Target, "/") {
				target = strings.TrimPrefix(r.Target, "/")
			}
			if _, ok := parts[target]; !ok {
				bad("%s: %s points at %s, which is not in the package", name, r.ID, target)
			}
			if name == "word/_rels/document.xml.rels" {
				docRels[r.ID] = target
			}
		}
	}
	shown := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "blip" {
			for _, a := range se.Attr {
				if a.Name.Local == "embed" {
					target, ok := docRels[a.Value]
					if !ok {
						bad("picture reference %s has no relationship", a.Value)
					}
					shown[target] = true
				}
			}
		}
	}
	for _, name := range names {
		if strings.HasPrefix(name, "word/media/") && !shown[name] {
			bad("%s is in the package but the document never shows it", name)
		}
	}
	return errors.Join(errs...)
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

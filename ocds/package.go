package ocds

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// Version is the OCDS version this package writes.
const Version = "1.1"

// Package is an OCDS release package.
type Package struct {
	URI               string    `json:"uri"`
	Version           string    `json:"version"`
	Extensions        []string  `json:"extensions,omitempty"`
	PublishedDate     time.Time `json:"publishedDate"`
	Publisher         Publisher `json:"publisher"`
	License           string    `json:"license,omitempty"`
	PublicationPolicy string    `json:"publicationPolicy,omitempty"`
	Releases          []Release `json:"releases"`
}

// Publisher of the package.
type Publisher struct {
	Name   string `json:"name"`
	Scheme string `json:"scheme,omitempty"`
	UID    string `json:"uid,omitempty"`
	URI    string `json:"uri,omitempty"`
}

// Meta is what a publisher says about a package as a whole.
type Meta struct {
	URI               string // where this package can be fetched, identifying it
	Publisher         Publisher
	License           string
	PublicationPolicy string
	PublishedDate     time.Time
}

// NewPackage builds a release package of releases. It sets the version,
// lists exactly the extensions the releases use (a validator applies only
// the listed ones, so an unlisted extension's fields would go unchecked),
// and checks what the schema cannot: that each release has an ocid and an
// id, that ids are unique within an ocid, and that every party reference
// resolves to an entry of the release's parties.
func NewPackage(m Meta, releases ...Release) (Package, error) {
	if m.URI == "" || m.Publisher.Name == "" || m.PublishedDate.IsZero() {
		return Package{}, errors.New("ocds: a package needs a uri, a publisher name and a published date")
	}
	if len(releases) == 0 {
		return Package{}, errors.New("ocds: a package needs at least one release")
	}
	seen := map[string]bool{}
	for i, r := range releases {
		if err := checkRelease(r); err != nil {
			return Package{}, fmt.Errorf("ocds: release %d: %w", i, err)
		}
		k := r.OCID + "\x00" + r.ID
		if seen[k] {
			return Package{}, fmt.Errorf("ocds: release %d: id %q is used twice for %s", i, r.ID, r.OCID)
		}
		seen[k] = true
	}
	return Package{
		URI: m.URI, Version: Version, Extensions: ExtensionsUsed(releases...),
		PublishedDate: m.PublishedDate.UTC(), Publisher: m.Publisher,
		License: m.License, PublicationPolicy: m.PublicationPolicy,
		Releases: releases,
	}, nil
}

func checkRelease(r Release) error {
	switch {
	case r.OCID == "":
		return errors.New("no ocid")
	case r.ID == "":
		return errors.New("no id")
	case r.Date.IsZero():
		return errors.New("no date")
	case len(r.Tag) == 0:
		return errors.New("no tag")
	case r.InitiationType == "":
		return errors.New("no initiationType")
	}
	parties := map[string]bool{}
	for _, p := range r.Parties {
		parties[p.ID] = true
	}
	var missing []string
	ref := func(o *OrgRef) {
		if o != nil && !parties[o.ID] {
			missing = append(missing, o.ID)
		}
	}
	ref(r.Buyer)
	if t := r.Tender; t != nil {
		ref(t.ProcuringEntity)
		for i := range t.Tenderers {
			ref(&t.Tenderers[i])
		}
		for _, e := range t.Enquiries {
			ref(e.Author)
		}
	}
	if r.Bids != nil {
		for _, b := range r.Bids.Details {
			for i := range b.Tenderers {
				ref(&b.Tenderers[i])
			}
		}
	}
	for _, a := range r.Awards {
		for i := range a.Suppliers {
			ref(&a.Suppliers[i])
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("organisation %s is referred to but not listed in parties", strings.Join(missing, ", "))
	}
	return nil
}

// OCID joins a publisher's registered ocid prefix (such as "ocds-abc123")
// and the process's own identifier.
func OCID(prefix, id string) string { return strings.TrimSuffix(prefix, "-") + "-" + id }

// Decimal writes an exact rational as a JSON number, for criterion weights
// and statistics. It fails for a number with no finite decimal form (1/3),
// which JSON cannot hold exactly; publish such weights in words instead
// (AwardCriteria.WeightingDescription).
func Decimal(r *big.Rat) (json.Number, error) {
	den := new(big.Int).Set(r.Denom())
	places := 0
	for _, p := range []int64{2, 5} {
		bp := big.NewInt(p)
		for {
			q, m := new(big.Int).QuoRem(den, bp, new(big.Int))
			if m.Sign() != 0 {
				break
			}
			den = q
		}
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return "", fmt.Errorf("ocds: %s has no exact decimal form", r.RatString())
	}
	x := new(big.Rat).Set(r)
	ten := big.NewRat(10, 1)
	for !x.IsInt() {
		x.Mul(x, ten)
		places++
	}
	return json.Number(r.FloatString(places)), nil
}

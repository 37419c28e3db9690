package refiqda

import "encoding/xml"

// The XML namespaces of the two exchange files.
const (
	ProjectNS  = "urn:QDA-XML:project:1.0"
	CodebookNS = "urn:QDA-XML:codebook:1.0"
)

// The wire types follow the schema's element order, which the schema
// requires (xsd:sequence). Elements Coprod does not use are caught as
// anyElems so that they can be named in Project.Skipped.

type xProject struct {
	XMLName     xml.Name   `xml:"urn:QDA-XML:project:1.0 Project"`
	Name        string     `xml:"name,attr"`
	Origin      string     `xml:"origin,attr,omitempty"`
	Users       *xUsers    `xml:"Users"`
	CodeBook    *xCodeBook `xml:"CodeBook"`
	Variables   *xAnyList  `xml:"Variables"`
	Cases       *xAnyList  `xml:"Cases"`
	Sources     *xSources  `xml:"Sources"`
	Notes       *xNotes    `xml:"Notes"`
	Links       *xAnyList  `xml:"Links"`
	Sets        *xAnyList  `xml:"Sets"`
	Graphs      *xAnyList  `xml:"Graphs"`
	Description string     `xml:"Description,omitempty"`
	NoteRefs    []xRef     `xml:"NoteRef"`
	Other       []anyElem  `xml:",any"`
}

type xUsers struct {
	Users []xUser `xml:"User"`
}

type xUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

type xCodeBook struct {
	Codes *xCodes `xml:"Codes"`
}

// xCodebookFile is the root of a .qdc file.
type xCodebookFile struct {
	XMLName xml.Name  `xml:"urn:QDA-XML:codebook:1.0 CodeBook"`
	Origin  string    `xml:"origin,attr,omitempty"`
	Codes   *xCodes   `xml:"Codes"`
	Sets    *xAnyList `xml:"Sets"`
}

type xCodes struct {
	Codes []xCode `xml:"Code"`
}

type xCode struct {
	GUID        string  `xml:"guid,attr"`
	Name        string  `xml:"name,attr"`
	Codable     string  `xml:"isCodable,attr"`
	Color       string  `xml:"color,attr,omitempty"`
	Description string  `xml:"Description,omitempty"`
	NoteRefs    []xRef  `xml:"NoteRef"`
	Codes       []xCode `xml:"Code"`
}

type xSources struct {
	Text  []xText   `xml:"TextSource"`
	Other []anyElem `xml:",any"`
}

// xText is the schema's TextSourceType: a text source, and also a note.
type xText struct {
	GUID          string       `xml:"guid,attr"`
	Name          string       `xml:"name,attr,omitempty"`
	RichTextPath  string       `xml:"richTextPath,attr,omitempty"`
	PlainTextPath string       `xml:"plainTextPath,attr,omitempty"`
	CreatingUser  string       `xml:"creatingUser,attr,omitempty"`
	Description   string       `xml:"Description,omitempty"`
	Content       *string      `xml:"PlainTextContent"`
	Selections    []xSelection `xml:"PlainTextSelection"`
	Codings       []xCoding    `xml:"Coding"`
	NoteRefs      []xRef       `xml:"NoteRef"`
	Variables     []anyElem    `xml:"VariableValue"`
}

type xSelection struct {
	GUID         string    `xml:"guid,attr"`
	Name         string    `xml:"name,attr,omitempty"`
	Start        string    `xml:"startPosition,attr"`
	End          string    `xml:"endPosition,attr"`
	CreatingUser string    `xml:"creatingUser,attr,omitempty"`
	Description  string    `xml:"Description,omitempty"`
	Codings      []xCoding `xml:"Coding"`
	NoteRefs     []xRef    `xml:"NoteRef"`
}

type xCoding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	CodeRef      *xRef  `xml:"CodeRef"`
	NoteRefs     []xRef `xml:"NoteRef"`
}

type xNotes struct {
	Notes []xText `xml:"Note"`
}

type xRef struct {
	Target string `xml:"targetGUID,attr"`
}

// xAnyList is a container element Coprod does not use; its children are
// counted for Project.Skipped.
type xAnyList struct {
	Items []anyElem `xml:",any"`
}

type anyElem struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
}

// attr returns the value of the named attribute, or "".
func (e anyElem) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

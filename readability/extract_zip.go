package readability

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// maxXMLSize bounds how much of one zip member is read, so that a
// crafted file (a "zip bomb") cannot exhaust memory.
const maxXMLSize = 64 << 20

// readZipMember returns the contents of the named member of a zip file.
func readZipMember(src []byte, name, format string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("not a %s file: %w", format, err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("reading %s in %s file: %w", name, format, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxXMLSize+1))
		if err != nil {
			return nil, fmt.Errorf("reading %s in %s file: %w", name, format, err)
		}
		if len(data) > maxXMLSize {
			return nil, fmt.Errorf("%s in %s file is larger than %d bytes", name, format, maxXMLSize)
		}
		return data, nil
	}
	return nil, fmt.Errorf("not a %s file: it has no %s", format, name)
}

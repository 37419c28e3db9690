package qdacli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/coprod/coprod/internal/refiqda"
)

// maxInspectBytes bounds a file inspect reads whole (a .qdc or .qde; a
// .qdpx is read through its zip directory).
const maxInspectBytes = 64 << 20

func runInspect(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coprod qda inspect", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "json or text")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return exitOK
	case err != nil:
	case *format != "json" && *format != "text":
		err = fmt.Errorf("unknown format %q (want json or text)", *format)
	case fs.NArg() != 1:
		err = errors.New("give one .qdpx, .qdc or .qde file")
	}
	if err != nil {
		fmt.Fprintf(stderr, "coprod qda inspect: %v\n\n%s", err, usage)
		return exitUsage
	}
	name := fs.Arg(0)
	v, err := inspectFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "coprod qda inspect: %s: %v\n", name, err)
		return exitInvalid
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(v)
	} else {
		_, err = io.WriteString(stdout, v.text())
	}
	if err != nil {
		fmt.Fprintf(stderr, "coprod qda inspect: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// inspectFile reads a .qdpx (any zip), or a .qdc or .qde by its extension.
func inspectFile(name string) (inspection, error) {
	f, err := os.Open(name)
	if err != nil {
		return inspection{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return inspection{}, err
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if refiqda.IsZip(head[:n]) {
		p, err := refiqda.ReadQDPX(f, info.Size())
		return projectInspection(p), err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return inspection{}, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxInspectBytes+1))
	if err != nil {
		return inspection{}, err
	}
	if len(data) > maxInspectBytes {
		return inspection{}, fmt.Errorf("larger than %d MB", maxInspectBytes>>20)
	}
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".qdc":
		cb, err := refiqda.ReadQDC(data)
		return codebookInspection(cb), err
	case ".qde":
		p, err := refiqda.ReadQDE(data)
		return projectInspection(p), err
	case ".qdpx":
		return inspection{}, errors.New("not a zip archive, so not a .qdpx file")
	}
	if bytes.Contains(data[:min(len(data), 512)], []byte("<CodeBook")) {
		cb, err := refiqda.ReadQDC(data)
		return codebookInspection(cb), err
	}
	return inspection{}, errors.New("not a REFI-QDA file: give a .qdpx project, a .qdc codebook or a project.qde")
}

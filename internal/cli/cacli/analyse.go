package cacli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/coprod/coprod/transcript"
)

type analyseOptions struct {
	format    string
	roles     map[string]string
	keepGoing bool
}

// failure is a file that could not be analysed, reported with --keep-going.
type failure struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

func analyse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coprod ca analyse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o analyseOptions
	var roles string
	fs.StringVar(&o.format, "format", "json", "output format: json, csv or text")
	fs.StringVar(&roles, "roles", "", "participant roles, e.g. SAM=supporter,ALEX=supported")
	fs.BoolVar(&o.keepGoing, "keep-going", false, "analyse the other files when one is invalid")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch o.format {
	case "json", "csv", "text":
	default:
		fmt.Fprintf(stderr, "coprod ca analyse: --format must be json, csv or text, not %q\n", o.format)
		return 2
	}
	var err error
	if o.roles, err = parseRoles(roles); err != nil {
		fmt.Fprintf(stderr, "coprod ca analyse: %v\n", err)
		return 2
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprint(stderr, "coprod ca analyse: no files\n", usage)
		return 2
	}
	bar := newProgress(stderr, len(files))
	var reports []*transcript.Report
	var failed []failure
	for i, name := range files {
		bar.step(i, name)
		r, err := analyseFile(name, stdin, o.roles)
		if err != nil {
			fmt.Fprintf(bar.clear(), "coprod ca analyse: %v\n", err)
			failed = append(failed, failure{File: name, Error: err.Error()})
			if !o.keepGoing {
				return 1
			}
			continue
		}
		reports = append(reports, r)
	}
	bar.done()
	if err := write(stdout, o.format, reports, failed); err != nil {
		fmt.Fprintf(stderr, "coprod ca analyse: %v\n", err)
		return 1
	}
	if len(failed) > 0 {
		return 1
	}
	return 0
}

func analyseFile(name string, stdin io.Reader, roles map[string]string) (*transcript.Report, error) {
	in, err := open(name, stdin)
	if err != nil {
		return nil, err
	}
	defer in.close()
	d, err := transcript.NewDecoder(in.format, name, in.r)
	if err != nil {
		return nil, err
	}
	return transcript.Analyse(d, name, transcript.Options{Roles: roles})
}

// parseRoles reads "ID=role,ID=role".
func parseRoles(s string) (map[string]string, error) {
	roles := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return roles, nil
	}
	for _, kv := range strings.Split(s, ",") {
		id, role, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if !ok || strings.TrimSpace(id) == "" || strings.TrimSpace(role) == "" {
			return nil, fmt.Errorf("--roles wants ID=role pairs separated by commas, not %q", kv)
		}
		roles[strings.TrimSpace(id)] = strings.TrimSpace(role)
	}
	return roles, nil
}

func write(w io.Writer, format string, reports []*transcript.Report, failed []failure) error {
	switch format {
	case "csv":
		return writeCSV(w, reports)
	case "text":
		return writeText(w, reports)
	}
	out := struct {
		Transcripts []*transcript.Report `json:"transcripts"`
		Errors      []failure            `json:"errors,omitempty"`
	}{Transcripts: reports, Errors: failed}
	if out.Transcripts == nil {
		out.Transcripts = []*transcript.Report{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

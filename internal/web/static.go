package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves embedded assets under content-hashed names
// (/static/app.3f2a9c1b.css) with a year's caching: a changed file gets a
// new name, so browsers never use a stale copy.
type staticFiles struct {
	byHashed map[string][]byte
	hashed   map[string]string // plain name -> URL path
}

func loadStatic() (*staticFiles, error) {
	st := &staticFiles{byHashed: map[string][]byte{}, hashed: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(staticFS, p)
		if err != nil {
			return err
		}
		st.add(strings.TrimPrefix(p, "static/"), b)
		return nil
	})
	if err == nil {
		err = st.addPictures()
	}
	return st, err
}

// add serves b under name with its content hash in the name.
func (st *staticFiles) add(name string, b []byte) {
	sum := sha256.Sum256(b)
	ext := path.Ext(name)
	hashedName := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
	st.byHashed[hashedName] = b
	st.hashed[name] = "/static/" + hashedName
}

// URL returns the hashed URL path of an asset, for templates.
func (st *staticFiles) URL(name string) string { return st.hashed[name] }

func (st *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	b, ok := st.byHashed[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(b)
}

package csvcell

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestOnlyCSVWriterInTheProduct: every CSV the product writes goes through
// Writer, so no export can leave a formula cell unescaped. It parses every
// non-test Go file of the module and fails on any other use of
// encoding/csv's NewWriter.
func TestOnlyCSVWriterInTheProduct(t *testing.T) {
	root := filepath.Join("..", "..")
	self, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if dir, _ := filepath.Abs(filepath.Dir(path)); dir == self {
			return nil // this package: the one place that may
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checked++
		csvName := ""
		for _, imp := range f.Imports {
			if imp.Path.Value == `"encoding/csv"` {
				csvName = "csv"
				if imp.Name != nil {
					csvName = imp.Name.Name
				}
			}
		}
		if csvName == "" {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewWriter" {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == csvName {
					t.Errorf("%s: writes CSV with encoding/csv directly; use csvcell.NewWriter so every cell is formula-safe", fset.Position(sel.Pos()))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d Go files checked: the walk did not find the module", checked)
	}
}

package store_test

import (
	"os"
	"testing"

	"github.com/coprod/coprod/internal/store/storetest"
)

// TestMain removes the migrated and seeded templates the tests copied their
// databases from (on PostgreSQL they are databases that outlive the process).
func TestMain(m *testing.M) {
	code := m.Run()
	storetest.DropTemplates()
	os.Exit(code)
}

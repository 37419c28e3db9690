package store

import (
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/coprod/coprod/internal/apperr"
)

// Driver error codes that mean the change collides with existing data.
const (
	pgUniqueViolation     = "23505"
	pgForeignKeyViolation = "23503"
)

// mapErr turns driver errors into application errors by their codes, never by
// their message text. what names the object for the message ("email address").
func mapErr(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.Errorf(apperr.NotFound, "No such %s", what)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return apperr.Errorf(apperr.Conflict, "That %s already exists", what)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return apperr.Errorf(apperr.Invalid, "The %s refers to something that does not exist", what)
		}
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case pgUniqueViolation:
			return apperr.Errorf(apperr.Conflict, "That %s already exists", what)
		case pgForeignKeyViolation:
			return apperr.Errorf(apperr.Invalid, "The %s refers to something that does not exist", what)
		}
	}
	return err
}

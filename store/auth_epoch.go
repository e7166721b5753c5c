package store

import (
	"context"

	"gorm.io/gorm"
)

// The revocation epoch: one row, one number, raised in the same
// transaction as every change that can end or alter an API token's access
// (a token revoked, a password set, a role changed, a user removed) and by
// a restore. The token cache stamps each entry with the epoch it read
// before it read the token, and trusts an entry only while the epoch is
// unchanged: one read of a one-row table by its primary key on each
// request. So a revocation made by any instance or by the command line
// (plantracker token revoke, user passwd, user remove: another Open of the
// same database) is refused on the very next request everywhere, not
// after a cache's time to live.
//
// Why the order makes it exact: an entry is kept only with the epoch read
// before its token. A revocation that commits after that read raises the
// epoch past the stamp, so the entry is never used again; one that
// committed before it is seen by the token read itself. On PostgreSQL the
// UPDATE takes the row's lock, so revocations are ordered by it.
//
// The table is outside the schema a backup is checked against (as the
// health probe's is), so that backups made before it existed restore, and
// a database opened read-only that lacks it still serves: the cache is
// then simply not used.
const authEpochTable = "auth_epoch"

var authEpochSchema = epochSchema(authEpochTable)

// epochSchema makes a one-row table of one number, an epoch (this one and
// the search terms' in search_terms.go), starting at 1.
func epochSchema(table string) []string {
	return []string{
		`CREATE TABLE IF NOT EXISTS ` + table + ` (id INTEGER PRIMARY KEY, epoch BIGINT NOT NULL)`,
		`INSERT INTO ` + table + ` (id, epoch) VALUES (1, 1) ON CONFLICT (id) DO NOTHING`,
	}
}

func ensureAuthEpoch(tx *gorm.DB) error {
	for _, stmt := range authEpochSchema {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}

// bumpAuthEpoch raises the epoch, inside the transaction that changes
// access.
func bumpAuthEpoch(tx *gorm.DB) error {
	res := tx.Exec(`UPDATE ` + authEpochTable + ` SET epoch = epoch + 1 WHERE id = 1`)
	if res.Error != nil || res.RowsAffected == 1 {
		return res.Error
	}
	// A restored database may lack the row (or the table).
	if err := ensureAuthEpoch(tx); err != nil {
		return err
	}
	return tx.Exec(`UPDATE ` + authEpochTable + ` SET epoch = epoch + 1 WHERE id = 1`).Error
}

// authEpoch reads the epoch; ok is false when it cannot be read (a
// read-only database without the table), and the cache is then not used.
func (s *Store) authEpoch(ctx context.Context) (epoch int64, ok bool) {
	return readEpoch(s.reader(ctx), authEpochTable)
}

// readEpoch reads an epoch table's number; ok is false when it cannot be
// read (a database without the table or its row).
func readEpoch(db *gorm.DB, table string) (epoch int64, ok bool) {
	rows, err := queryRows(db, `SELECT epoch FROM `+table+` WHERE id = 1`)
	if err != nil {
		return 0, false
	}
	defer rows.Close()
	if !rows.Next() || rows.Scan(&epoch) != nil {
		return 0, false
	}
	return epoch, rows.Close() == nil
}

// raiseEpochPast sets an epoch above both before and its present value.
func raiseEpochPast(tx *gorm.DB, table string, before int64) error {
	return tx.Exec(`UPDATE `+table+` SET epoch = CASE WHEN epoch > ? THEN epoch ELSE ? END + 1 WHERE id = 1`, before, before).Error
}

// raiseAuthEpochPast sets the epoch above both before and its present
// value, after a restore has replaced it with a backup's.
func (s *Store) raiseAuthEpochPast(ctx context.Context, before int64) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		if err := ensureAuthEpoch(tx); err != nil {
			return err
		}
		return raiseEpochPast(tx, authEpochTable, before)
	})
}

package store

import (
	"context"

	"gorm.io/gorm"
)

// healthProbeTable is where the health check's write probe writes. It is
// made by the probe, not by migrations: it holds nothing of the data, and
// a backup or an export need not have it.
const healthProbeTable = "health_probe"

// WriteProbe commits a small write, for the health check: a database that
// answers reads may still refuse writes (a read-only file or mount, a full
// disk, a standby). It fails with ErrReadOnly or ErrStorageFull when that
// is why.
func (s *Store) WriteProbe(ctx context.Context) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Exec("CREATE TABLE IF NOT EXISTS " + healthProbeTable + " (id INTEGER PRIMARY KEY, at TIMESTAMP NOT NULL)").Error; err != nil {
			return err
		}
		// An upsert: two probes at once (two load balancers) both succeed.
		return tx.Exec("INSERT INTO "+healthProbeTable+" (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at", s.now()).Error
	})
}

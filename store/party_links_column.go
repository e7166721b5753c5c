package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// A provision's party links, kept beside its row as one value. Whether two
// provisions have the same links (party, role, stance, its date and
// sources, in order) is then one comparison of two columns: a comparison
// of two drafts asks it of every key they share (compare_alike.go), and
// asked of the links table, row by row, it was half of that comparison's
// time. The database keeps the column itself, by triggers on the links
// table, so that no writer (an edit, a fork, a batch, a restore, an undo,
// another instance) can leave it behind its links. It is not a
// field of provisionRecord: nothing but those triggers writes it, and
// nothing but comparisons in SQL reads it.

// partyLinksColumn is the column: a JSON list, one [position, party id,
// role, stance, stance date, stance sources] a link, in the links' order;
// [] for a provision without links. With the position in each, two equal
// values are the same links in the same order whatever order an aggregate
// takes them in.
const partyLinksColumn = "party_links"

// partyLinksOf is the column's value for the provision whose id the SQL
// expression id gives, on each database. On SQLite the links are ordered
// in a subquery, not in the aggregate: ORDER BY within an aggregate is
// SQLite 3.44's, and a trigger the sqlite3 shell of Debian 12 (3.40)
// cannot parse would leave it unable to open the database at all.
func partyLinksOf(d Dialect, id string) string {
	if d == Postgres {
		return `(SELECT COALESCE(json_agg(json_build_array(pp.position, pp.party_id, pp.role, pp.stance, pp.stance_date, pp.stance_sources)
			ORDER BY pp.position, pp.party_id, pp.role)::text, '[]') FROM provision_parties pp WHERE pp.provision_id = ` + id + `)`
	}
	return `(SELECT json_group_array(json_array(pp.position, pp.party_id, pp.role, pp.stance, pp.stance_date, pp.stance_sources))
		FROM (SELECT * FROM provision_parties WHERE provision_id = ` + id + ` ORDER BY position, party_id, role) pp)`
}

// ensurePartyLinksColumn adds the column where missing and fills it for
// the provisions there are (once: a second or two for 100,000
// provisions), and writes its triggers afresh, so that a change to them
// reaches every database; in one transaction, so that no link written
// meanwhile by another instance goes unseen.
func ensurePartyLinksColumn(db *gorm.DB, d Dialect) error {
	return db.Transaction(func(tx *gorm.DB) error {
		has := tx.Migrator().HasColumn(&provisionRecord{}, partyLinksColumn)
		if !has {
			if err := tx.Exec(`ALTER TABLE provisions ADD COLUMN ` + partyLinksColumn + ` TEXT NOT NULL DEFAULT '[]'`).Error; err != nil {
				return fmt.Errorf("adding provisions.%s: %w", partyLinksColumn, err)
			}
		}
		for _, stmt := range partyLinksTriggers(d) {
			if err := tx.Exec(stmt).Error; err != nil {
				return fmt.Errorf("%w (in %.60s…)", err, stmt)
			}
		}
		if has {
			return nil
		}
		return tx.Exec(`UPDATE provisions SET ` + partyLinksColumn + ` = ` + partyLinksOf(d, "provisions.id") +
			` WHERE EXISTS (SELECT 1 FROM provision_parties x WHERE x.provision_id = provisions.id)`).Error
	})
}

// partyLinksTriggers keep the column: after a link is added, changed or
// removed (by ON DELETE CASCADE too), its provision's value is read again.
func partyLinksTriggers(d Dialect) []string {
	set := func(row string) string {
		return `UPDATE provisions SET ` + partyLinksColumn + ` = ` + partyLinksOf(d, row+".provision_id") +
			` WHERE id = ` + row + `.provision_id;`
	}
	if d == Postgres {
		return []string{`CREATE OR REPLACE FUNCTION provision_party_links() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF TG_OP <> 'INSERT' THEN ` + set("OLD") + ` END IF;
				IF TG_OP <> 'DELETE' THEN ` + set("NEW") + ` END IF;
				RETURN NULL;
			END $$`,
			`CREATE OR REPLACE TRIGGER provision_parties_links_column AFTER INSERT OR UPDATE OR DELETE ON provision_parties
				FOR EACH ROW EXECUTE FUNCTION provision_party_links()`}
	}
	var out []string
	for _, t := range []struct{ name, event string }{{"insert", "INSERT"}, {"delete", "DELETE"}, {"update", "UPDATE"}} {
		var body strings.Builder
		if t.event != "INSERT" {
			body.WriteString(set("OLD"))
		}
		if t.event != "DELETE" {
			body.WriteString(set("NEW"))
		}
		name := "provision_parties_links_" + t.name
		out = append(out, `DROP TRIGGER IF EXISTS `+name,
			`CREATE TRIGGER `+name+` AFTER `+t.event+` ON provision_parties BEGIN `+body.String()+` END`)
	}
	return out
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"plantracker/models"
)

// Sources returns every source, newest first, then by key.
func (s *Store) Sources(ctx context.Context) ([]models.Source, error) {
	db := s.reader(ctx)
	return findModels(db.Order("date DESC").Order(inByteOrder(db, "key")), sourceRecord.model)
}

// Source returns the source with id.
func (s *Store) Source(ctx context.Context, id int64) (models.Source, error) {
	return loadSource(s.reader(ctx).Where("id = ?", id), fmt.Sprintf("no source %d", id))
}

// SourceByKey returns the source called key.
func (s *Store) SourceByKey(ctx context.Context, key string) (models.Source, error) {
	return loadSource(s.reader(ctx).Where("key = ?", key), "no source "+key)
}

func loadSource(q *gorm.DB, missing string) (models.Source, error) {
	var recs []sourceRecord
	if err := q.Limit(1).Find(&recs).Error; err != nil {
		return models.Source{}, err
	}
	if len(recs) == 0 {
		return models.Source{}, fmt.Errorf("%w: %s", ErrNotFound, missing)
	}
	return recs[0].model(), nil
}

// CreateSource validates and stores a new source.
func (s *Store) CreateSource(ctx context.Context, actor string, src models.Source) (models.Source, error) {
	return createRow(ctx, s, actor, sourceTable, src, insertSource)
}

// sourceTable is how the update and delete sequences change sources.
var sourceTable = entityTable[models.Source]{
	entity: "source", change: models.EntitySource, record: &sourceRecord{},
	load: func(db *gorm.DB, id int64) (models.Source, error) {
		return loadSource(db.Where("id = ?", id), fmt.Sprintf("no source %d", id))
	},
	stamps:   func(src *models.Source) *models.RowStamps { return &src.RowStamps },
	validate: (*models.Source).Validate,
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.Source) error {
		rec := sourceRecordOf(after)
		return bumpVersion(tx, &sourceRecord{}, "source", before.ID, before.Version, map[string]any{
			"publisher": rec.Publisher, "title": rec.Title, "date": rec.Date, "url": rec.URL,
			"language": rec.Language, "quote": rec.Quote, "translations": rec.Translations, "note": rec.Note,
			"updated_at": after.UpdatedAt,
		})
	},
}

// UpdateSource applies a patch to a source, if it is still at ifVersion
// (0: any). Its key never changes: citations name the source by it.
func (s *Store) UpdateSource(ctx context.Context, actor string, id int64, ifVersion int, patch models.SourcePatch) (models.Source, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, sourceTable, patched(patch.Apply))
}

// DeleteSource removes a source that nothing cites any more.
func (s *Store) DeleteSource(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, sourceTable, func(tx *gorm.DB, before models.Source) error {
		return sourceNotCited(tx, before.Key)
	})
}

// insertSource writes src's row as it stands, if its key is free.
// Creating and undoing a deletion both write a source this way.
func insertSource(tx *gorm.DB, src models.Source) (int64, error) {
	if err := unique(tx.Model(&sourceRecord{}).Where("key = ?", src.Key), "a source with key %s already exists", src.Key); err != nil {
		return 0, err
	}
	rec := sourceRecordOf(src)
	err := translate(tx.Create(&rec).Error, "source")
	return rec.ID, err
}

// citePattern finds the rows whose JSON citation lists name key. Lists are
// written by mustJSON, compactly and in field order, and a key holds only
// letters, digits and hyphens, so the pattern is exact and has no LIKE
// wildcards of its own.
func citePattern(key string) string { return `%"source":"` + key + `"%` }

// citingRows are the rows that cite sources: the condition that finds
// those citing @cite, and what a message calls them. Stances on provisions
// and on drafts as a whole count together. Every table whose rows cite
// sources is here: a source one of them cites and this list forgot could
// be deleted from under its citation (TestSourceCitedByAPositionOrAStep).
var citingRows = []struct {
	record any
	where  string
	what   string
}{
	{&draftRecord{}, "sources LIKE @cite", "draft"},
	{&provisionRecord{}, "sources LIKE @cite OR translations LIKE @cite", "provision"},
	{&provisionPartyRecord{}, "stance_sources LIKE @cite", "stance"},
	{&draftStanceRecord{}, "sources LIKE @cite", "stance"},
	{&eventRecord{}, "sources LIKE @cite OR translations LIKE @cite", "event"},
	{&positionRecord{}, "sources LIKE @cite", "stated position"},
	{&implementationStepRecord{}, "sources LIKE @cite", "implementation step"},
}

// sourceNotCited explains, with counts, what still cites a source.
func sourceNotCited(tx *gorm.DB, key string) error {
	var whats []string
	counts := map[string]int64{}
	for _, c := range citingRows {
		var n int64
		if err := tx.Model(c.record).Where(c.where, sql.Named("cite", citePattern(key))).Count(&n).Error; err != nil {
			return err
		}
		if _, seen := counts[c.what]; !seen {
			whats = append(whats, c.what)
		}
		counts[c.what] += n
	}
	var uses []string
	for _, what := range whats {
		if n := counts[what]; n == 1 {
			uses = append(uses, "1 "+what)
		} else if n > 1 {
			uses = append(uses, fmt.Sprintf("%d %ss", n, what))
		}
	}
	if len(uses) > 0 {
		return fmt.Errorf("%w: source %s is still cited by %s; remove those citations first",
			ErrInUse, key, strings.Join(uses, ", "))
	}
	return nil
}

// checkSources checks that every source the references name exists, and
// reports each missing one as a field error at the path that names it.
func checkSources(tx *gorm.DB, refs []models.SourceReference) error {
	if len(refs) == 0 {
		return nil
	}
	keys := make([]string, len(refs))
	for i, r := range refs {
		keys[i] = r.Source
	}
	have, err := sourceReferences(tx, keys)
	if err != nil {
		return err
	}
	verr := &models.ValidationError{}
	for _, r := range refs {
		if _, ok := have[r.Source]; !ok {
			verr.Add(r.Field, "no source %s; add it under sources first", r.Source)
		}
	}
	return verr.Err()
}

// sourceReferences reads how each of the sources called keys is cited
// (models.Source.Reference), by key; unknown keys are left out.
func sourceReferences(db *gorm.DB, keys []string) (map[string]string, error) {
	out := map[string]string{}
	keys = dedupe(keys)
	for start := 0; start < len(keys); start += partyBatch {
		batch := keys[start:min(start+partyBatch, len(keys))]
		// Read without GORM's reflection: every provision read comes here.
		rows, err := db.Session(&gorm.Session{NewDB: true}).Table("sources").Select("key", "publisher", "title", "date").
			Where("key IN ?", batch).Rows()
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var src models.Source
			if err := rows.Scan(&src.Key, &src.Publisher, &src.Title, &src.Date); err != nil {
				rows.Close()
				return nil, err
			}
			out[src.Key] = src.Reference()
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fillReferences sets each citation's Reference from its source, with one
// query for all of them, so that readers see "Reuters, 23 Nov 2025: …"
// beside the key.
func fillReferences(db *gorm.DB, lists ...[]models.Citation) error {
	var keys []string
	for _, l := range lists {
		for _, c := range l {
			keys = append(keys, c.Source)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	refs, err := sourceReferences(db, keys)
	if err != nil {
		return err
	}
	models.SetReferences(refs, lists...)
	return nil
}

func (r sourceRecord) model() models.Source {
	return models.Source{ID: r.ID, Key: r.Key, Publisher: r.Publisher, Title: r.Title, Date: r.Date,
		URL: r.URL, Language: r.Language, Quote: r.Quote, Translations: quoteTranslationsOf(r.Translations), Note: r.Note,
		RowStamps: r.stamps()}
}

func sourceRecordOf(s models.Source) sourceRecord {
	return sourceRecord{ID: s.ID, Key: s.Key, Publisher: s.Publisher, Title: s.Title, Date: s.Date,
		URL: s.URL, Language: s.Language, Quote: s.Quote, Translations: mustJSON(models.QuoteTranslationsOf(s.Translations)),
		Note: s.Note, StampColumns: StampColumns(s.RowStamps)}
}

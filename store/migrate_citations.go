package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"plantracker/models"
)

// Before sources were records, a provision cited its source in free text
// (the citation column) and a draft listed its sources as strings. A
// database of that time still opens: each distinct text becomes a source
// record ("legacy-1", …) whose title is the text, and the provision or
// draft cites it. Nothing is lost and nothing is guessed: the publisher is
// "Unrecorded" until an analyst edits the source.

// legacyPublisher is the publisher of a source made from a free-text citation.
const legacyPublisher = "Unrecorded (free-text citation)"

func (s *Store) migrateLegacyCitations(tx *gorm.DB) error {
	type legacyProvision struct {
		ID       int64
		Citation string
		Sourcing string
	}
	var provisions []legacyProvision
	if err := tx.Model(&provisionRecord{}).Select("id, citation, sourcing").
		Where("citation <> '' AND (sources = '[]' OR sources = '')").Scan(&provisions).Error; err != nil {
		return err
	}
	var drafts []draftRecord
	if err := tx.Select("id, sources").Where("sources LIKE ?", `["%`).Find(&drafts).Error; err != nil {
		return err
	}
	if len(provisions) == 0 && len(drafts) == 0 {
		return nil
	}
	keys := map[string]string{} // citation text → source key
	sourceFor := func(text string) (string, error) {
		text = strings.TrimSpace(text)
		if key, ok := keys[text]; ok {
			return key, nil
		}
		var n int64
		if err := tx.Model(&sourceRecord{}).Where("key LIKE 'legacy-%'").Count(&n).Error; err != nil {
			return "", err
		}
		key := fmt.Sprintf("legacy-%d", n+1)
		now := s.now()
		rec := sourceRecord{Key: key, Publisher: legacyPublisher, Title: truncate(text, 500),
			Note:         "Made from a free-text citation when sources became records; edit it to name the publication.",
			StampColumns: StampColumns{Version: 1, CreatedAt: now, UpdatedAt: now}}
		if err := tx.Create(&rec).Error; err != nil {
			return "", err
		}
		keys[text] = key
		return key, nil
	}
	for _, p := range provisions {
		key, err := sourceFor(p.Citation)
		if err != nil {
			return err
		}
		cites := citationsJSON([]models.Citation{{Source: key, Sourcing: p.Sourcing}})
		if err := tx.Model(&provisionRecord{}).Where("id = ?", p.ID).
			Updates(map[string]any{"sources": cites, "citation": ""}).Error; err != nil {
			return err
		}
	}
	for _, d := range drafts {
		var texts []string
		if json.Unmarshal([]byte(d.Sources), &texts) != nil {
			continue // not a list of strings: already citations
		}
		cites := make([]models.Citation, 0, len(texts))
		for _, text := range texts {
			key, err := sourceFor(text)
			if err != nil {
				return err
			}
			cites = append(cites, models.Citation{Source: key, Sourcing: "reported"})
		}
		if err := tx.Model(&draftRecord{}).Where("id = ?", d.ID).Update("sources", citationsJSON(cites)).Error; err != nil {
			return err
		}
	}
	return nil
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

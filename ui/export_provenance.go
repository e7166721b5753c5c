package ui

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/export"
)

// provenance loads what every export carries beyond its model: the time of
// the latest recorded change to the drafts (with their plans, provisions
// and the sources cited), the records of the sources cited (keys), what
// each draft was forked from, and who exports it when.
func (u *UI) provenance(c *gin.Context, drafts []report.DraftRef, keys []string) (export.Provenance, error) {
	ctx := c.Request.Context()
	pv := export.Provenance{ExportedAt: time.Now().UTC(), ExportedBy: web.Actor(c), ForkedFrom: map[int64]string{}}
	ids := make([]int64, len(drafts))
	for i, d := range drafts {
		ids[i] = d.ID
		if name := u.forkedFromName(ctx, d); name != "" {
			pv.ForkedFrom[d.ID] = name
		}
	}
	var err error
	if pv.AsOf, err = u.store.AsOf(ctx, ids, keys); err != nil {
		return pv, err
	}
	all, err := u.store.Sources(ctx)
	if err != nil {
		return pv, err
	}
	cited := make(map[string]bool, len(keys))
	for _, k := range keys {
		cited[k] = true
	}
	// The stances on the drafts as a whole cite sources of their own.
	if pv.Stances, err = u.store.DraftStancesOf(ctx, ids); err != nil {
		return pv, err
	}
	for _, list := range pv.Stances {
		for _, ds := range list {
			for _, k := range models.SourceKeys(ds.Sources) {
				cited[k] = true
			}
		}
	}
	for _, src := range all {
		if cited[src.Key] {
			pv.Sources = append(pv.Sources, src)
		}
	}
	if pv.Record, err = u.store.RecordEnd(ctx); err != nil {
		return pv, err
	}
	return pv, nil
}

// forkedFromName names the draft d was forked from, with its plan where
// that is another ("v1 28-point draft (US peace framework)"); "" when d
// was not forked or its parent is gone.
func (u *UI) forkedFromName(ctx context.Context, d report.DraftRef) string {
	if d.ForkedFrom == nil {
		return ""
	}
	parent, err := u.store.Draft(ctx, *d.ForkedFrom)
	if err != nil {
		return ""
	}
	name := parent.Name()
	if plan, err := u.store.Plan(ctx, parent.PlanID); err == nil && parent.PlanID != d.PlanID {
		name += " (" + plan.Title + ")"
	}
	return name
}

// comparisonCharts loads the timelines of the numeric terms a comparison
// changes (export.ChartTerms), for its PDF.
func (u *UI) comparisonCharts(ctx context.Context, cmp report.Comparison) ([]export.Chart, error) {
	var out []export.Chart
	timelines := map[string]report.Timeline{}
	for _, term := range export.ChartTerms(cmp) {
		tl, ok := timelines[term.Key]
		if !ok {
			var err error
			if tl, err = u.store.Timeline(ctx, term.Key, false); err != nil { // the record: no scenarios
				return nil, err
			}
			timelines[term.Key] = tl
		}
		for _, s := range tl.Series {
			if s.Field == term.Field {
				out = append(out, export.Chart{Key: term.Key, Title: term.Title, Series: s})
			}
		}
	}
	return out, nil
}

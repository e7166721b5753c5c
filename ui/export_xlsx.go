package ui

import (
	"bytes"
	"context"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/models"
	"plantracker/ui/export"
)

// exportSummaryWorkbook serves GET /drafts/:id/summary.xlsx: the draft's
// provisions as a workbook, with typed term columns.
func (u *UI) exportSummaryWorkbook(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	in, err := u.workbookInput(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	in.ExportedAt, in.ExportedBy = time.Now().UTC(), auth.Actor(c)
	var buf bytes.Buffer
	if err := export.SummaryWorkbook(&buf, in); err != nil {
		serverError(c, err)
		return
	}
	name := models.Slugify(in.Plan.Title+" "+in.Draft.Name()) + "-" + in.ExportedAt.Format("2006-01-02") + ".xlsx"
	sendFile(c, "xlsx", name, "summary", buf.Bytes())
}

// workbookInput loads a draft with its plan, provisions, the draft it was
// forked from and the sources they cite.
func (u *UI) workbookInput(ctx context.Context, id int64) (export.WorkbookInput, error) {
	var in export.WorkbookInput
	var err error
	if in.Draft, err = u.store.Draft(ctx, id); err != nil {
		return in, err
	}
	if in.Plan, err = u.store.Plan(ctx, in.Draft.PlanID); err != nil {
		return in, err
	}
	if in.Draft.ForkedFromID != nil {
		if parent, err := u.store.Draft(ctx, *in.Draft.ForkedFromID); err == nil {
			in.ForkedFrom = parent.Name()
			if parent.PlanID != in.Draft.PlanID {
				if plan, err := u.store.Plan(ctx, parent.PlanID); err == nil {
					in.ForkedFrom += " (" + plan.Title + ")"
				}
			}
		}
	}
	if in.Provisions, err = u.store.DraftProvisions(ctx, id); err != nil {
		return in, err
	}
	all, err := u.store.Sources(ctx)
	if err != nil {
		return in, err
	}
	cited := map[string]bool{}
	for _, c := range in.Draft.Sources {
		cited[c.Source] = true
	}
	for _, p := range in.Provisions {
		for _, r := range p.SourceReferences() {
			cited[r.Source] = true
		}
	}
	for _, src := range all {
		if cited[src.Key] {
			in.Sources = append(in.Sources, src)
		}
	}
	return in, nil
}

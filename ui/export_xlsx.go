package ui

import (
	"bytes"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/export"
)

// exportSummaryWorkbook serves GET /drafts/:id/summary.xlsx: the draft's
// provisions as a workbook, with typed term columns.
func (u *UI) exportSummaryWorkbook(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	in, err := u.workbookInput(c, id)
	if err != nil {
		fail(c, err)
		return
	}
	var buf bytes.Buffer
	if err := export.SummaryWorkbook(&buf, in); err != nil {
		serverError(c, err)
		return
	}
	sendFile(c, "xlsx", in.Filename(), "summary", buf.Bytes())
}

// workbookInput loads a draft with its plan, provisions and provenance.
func (u *UI) workbookInput(c *gin.Context, id int64) (export.WorkbookInput, error) {
	ctx := c.Request.Context()
	var in export.WorkbookInput
	var err error
	if in.Draft, err = u.store.Draft(ctx, id); err != nil {
		return in, err
	}
	if in.Plan, err = u.store.Plan(ctx, in.Draft.PlanID); err != nil {
		return in, err
	}
	if in.Provisions, err = u.store.DraftProvisions(ctx, id); err != nil {
		return in, err
	}
	keys := models.SourceKeys(in.Draft.Sources)
	for _, p := range in.Provisions {
		keys = append(keys, models.SourceKeys(p.Sources)...)
	}
	in.Provenance, err = u.provenance(c, []report.DraftRef{report.NewDraftRef(in.Draft)}, keys)
	in.Lang = loc(c) // written in the reader's language
	return in, err
}

package api

import (
	"bytes"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/store/dataset"
)

// dataset serves the whole store as a zip of CSV files with its codebook,
// for researchers. It is built in memory first, so that a failure midway
// is a problem document rather than half a zip.
func (a *API) dataset(c *gin.Context) {
	scenarios, ok := readQuery(c, (*queryReader).scenarios)
	if !ok {
		return
	}
	now := time.Now().UTC()
	var buf bytes.Buffer
	if err := dataset.Write(c.Request.Context(), a.store, &buf, now, scenarios); err != nil {
		fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+DatasetFilename(now)+`"`)
	c.Data(http.StatusOK, "application/zip", buf.Bytes())
}

// DatasetFilename names a dataset made at t: plantracker-dataset-2026-11-30.zip.
func DatasetFilename(t time.Time) string {
	return "plantracker-dataset-" + t.Format("2006-01-02") + ".zip"
}

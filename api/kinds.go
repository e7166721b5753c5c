package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// KindList is the kind registry as served: every kind with its typed
// fields, and the vocabularies a client needs to build a provision form.
type KindList struct {
	Items        []*models.Kind           `json:"items"`
	Total        int                      `json:"total"`
	Vocabularies map[string][]models.Term `json:"vocabularies"`
}

func (a *API) listKinds(c *gin.Context) {
	c.JSON(http.StatusOK, KindList{
		Items: models.Kinds(),
		Total: len(models.Kinds()),
		Vocabularies: map[string][]models.Term{
			"categories":         models.Categories,
			"provision_statuses": models.ProvisionStatuses,
			"sourcings":          models.Sourcings,
			"roles":              models.Roles,
			"stances":            models.Stances,
			"draft_statuses":     models.DraftStatuses,
			"coverages":          models.Coverages,
			"stages":             models.Stages,
			"party_types":        models.PartyTypes,
		},
	})
}

func (a *API) getKind(c *gin.Context) {
	k, ok := models.KindByName(c.Param("name"))
	if !ok {
		problem(c, http.StatusNotFound, "No kind "+c.Param("name")+"; GET /api/v1/kinds lists them.")
		return
	}
	c.JSON(http.StatusOK, k)
}

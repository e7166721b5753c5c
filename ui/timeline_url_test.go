package ui

import "testing"

func TestTimelineURL(t *testing.T) {
	if got := timelineURL("troop-cap"); got != "/timeline/troop-cap" {
		t.Errorf("timelineURL = %q", got)
	}
}

package gen_test

import (
	"encoding/json"
	"testing"

	"plantracker/models"
	"plantracker/store/gen"
)

// BenchmarkProvisionDecodeValidate is the work every write of a provision
// does before it reaches the store: decode the request body, then validate
// the provision and its terms against its kind (which also makes the terms
// canonical). The bodies are generated provisions of every kind, in turn.
func BenchmarkProvisionDecodeValidate(b *testing.B) {
	sample, err := gen.Sample(1, 180)
	if err != nil {
		b.Fatal(err)
	}
	bodies := make([][]byte, len(sample))
	for i, p := range sample {
		bodies[i], err = json.Marshal(models.ProvisionInput{Key: p.Key, Point: p.Point, Kind: p.Kind, Title: p.Title,
			Text: p.Text, Terms: p.Terms, Status: p.Status, Sourcing: p.Sourcing, Sources: p.Sources, Parties: p.Parties})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		var in models.ProvisionInput
		if err := json.Unmarshal(bodies[i%len(bodies)], &in); err != nil {
			b.Fatal(err)
		}
		p := in.Provision(1)
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

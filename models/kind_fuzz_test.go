package models

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// FuzzDecodeTerms feeds arbitrary bytes to every kind's terms decoder: it
// never panics, it either refuses with field errors or accepts, and what it
// accepts is canonical: decoding the canonical form again gives the same
// bytes.
func FuzzDecodeTerms(f *testing.F) {
	for _, seed := range []string{`{}`, `null`, `{"party":"UA","limit":600000}`, `{"limit":-5}`, `{"limit":"lots"}`,
		`{"model":"article5_like","guarantors":["FR","UK"],"duration_years":10,"renewable":true}`,
		`{"region":"Запорізька","disposition":"negotiable"}`, `[1,2]`, `"x"`, `{"a":`, `{"limit":1e400}`,
		`{"peacetime_only":null,"limit":1,"party":"UA"}`, "{\"party\":\"U\\u0041\",\"limit\":3}"} {
		for i := range Kinds() {
			f.Add(i, []byte(seed))
		}
	}
	f.Add(math.MinInt, []byte(`{}`)) // -MinInt is MinInt
	f.Add(-1, []byte(`{}`))
	f.Fuzz(func(t *testing.T, kindIndex int, raw []byte) {
		kinds := Kinds()
		// Unsigned: negating the minimum int leaves it negative, an index
		// out of range.
		k := kinds[uint(kindIndex)%uint(len(kinds))]
		_, canonical, err := k.DecodeTerms(raw)
		if err != nil {
			verr, ok := err.(*ValidationError)
			if !ok || len(verr.Errors) == 0 {
				t.Fatalf("%s: error without field errors: %v", k.Name, err)
			}
			for _, fe := range verr.Errors {
				if fe.Field == "" || fe.Message == "" {
					t.Fatalf("%s: empty field error %+v", k.Name, fe)
				}
			}
			return
		}
		if !json.Valid(canonical) {
			t.Fatalf("%s: canonical terms are not JSON: %s", k.Name, canonical)
		}
		_, again, err := k.DecodeTerms(canonical)
		if err != nil || !bytes.Equal(again, canonical) {
			t.Fatalf("%s: canonical form %s is not stable: %s, %v", k.Name, canonical, again, err)
		}
	})
}

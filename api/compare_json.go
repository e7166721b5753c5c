package api

import (
	"bytes"
	"io"
	"runtime"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"

	"plantracker/models/report"
)

// writeComparisonJSON writes c as jsonv2.MarshalWrite(w, c, opts) does,
// byte for byte, with its rows encoded side by side. Encoding is the one
// step of a comparison no other work overlaps: for two 1,000-provision
// drafts, a megabyte of JSON and a fifth of the answer's time on one
// processor while the other idles. The rows are encoded in parts on their
// own (the JSON of a row does not depend on its neighbours), the rest of
// the comparison with its rows left nil meanwhile, and the parts are laid
// in place of that null. jsontext would check each part again as it took
// it whole (WriteValue), which costs as much as encoding it, so the parts
// are joined here, as bytes.
func writeComparisonJSON(w io.Writer, c report.Comparison, opts jsonv2.Options) error {
	parts := min(runtime.GOMAXPROCS(0), len(c.Rows)/parallelJSONRows)
	if parts < 2 {
		return jsonv2.MarshalWrite(w, c, opts)
	}
	rows := c.Rows
	c.Rows = nil
	bufs := make([]*bytes.Buffer, parts+1) // the parts, then the rest
	errs := make([]error, parts+1)
	var wg sync.WaitGroup
	for i := range parts {
		lo, hi := i*len(rows)/parts, (i+1)*len(rows)/parts
		wg.Go(func() { bufs[i], errs[i] = marshalPooled(rows[lo:hi], opts) })
	}
	bufs[parts], errs[parts] = marshalPooled(c, opts)
	wg.Wait()
	defer func() {
		for _, b := range bufs {
			if b != nil {
				jsonBuffers.Put(b)
			}
		}
	}()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	// The rows' null, found as the member it is: a quotation mark in a
	// string is escaped, so `"rows":` is a member name wherever it occurs,
	// and no object within a comparison but the comparison has one.
	rest := bufs[parts].Bytes()
	at := bytes.Index(rest, nullRows)
	if at < 0 || bytes.Count(rest, rowsName) != 1 {
		c.Rows = rows
		return jsonv2.MarshalWrite(w, c, opts) // never met; correct however the type changes
	}
	out := [][]byte{rest[:at], openRows}
	for i, b := range bufs[:parts] {
		part := b.Bytes() // a non-empty array: [row,…,row]
		if i > 0 {
			out = append(out, comma)
		}
		out = append(out, part[1:len(part)-1])
	}
	out = append(out, closeRows, rest[at+len(nullRows):])
	for _, b := range out {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// parallelJSONRows is the fewest rows per part worth encoding apart.
const parallelJSONRows = 64

var (
	rowsName    = []byte(`"rows":`)
	nullRows    = []byte(`"rows":null`)
	openRows    = []byte(`"rows":[`)
	comma       = []byte{','}
	closeRows   = []byte{']'}
	jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

func marshalPooled(v any, opts jsonv2.Options) (*bytes.Buffer, error) {
	b := jsonBuffers.Get().(*bytes.Buffer)
	b.Reset()
	return b, jsonv2.MarshalWrite(b, v, opts)
}

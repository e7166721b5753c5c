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
// processor while the other idles.
//
// The rows are encoded in chunks of jsonChunkRows, at most twice as many
// at once as there are processors (a chunk's turn is freed when it is
// written, so encoding runs ahead of the writing), and written in their
// order as each is done, so that the answer still streams: what is held
// at once is a few chunks, not the answer (a comparison of 10,000 provisions is tens
// of megabytes of JSON). The rest of the comparison is encoded first with
// its rows left nil, and the chunks are laid in place of that null. The
// JSON of a row does not depend on its neighbours. jsontext would check
// each chunk again as it took it whole (WriteValue), which costs as much
// as encoding it, so they are joined here, as bytes.
func writeComparisonJSON(w io.Writer, c report.Comparison, opts jsonv2.Options) error {
	procs := runtime.GOMAXPROCS(0)
	if procs < 2 || len(c.Rows) < 2*jsonChunkRows {
		return jsonv2.MarshalWrite(w, c, opts)
	}
	rows := c.Rows
	c.Rows = nil
	chunks := encodeChunks(rows, opts, 2*procs)
	defer chunks.stop()

	rest, err := marshalPooled(c, opts)
	defer jsonBuffers.Put(rest)
	if err != nil {
		return err
	}
	// The rows' null, found as the member it is: a quotation mark in a
	// string is escaped, so `"rows":` is a member name wherever it occurs,
	// and no object within a comparison but the comparison has one.
	at := bytes.Index(rest.Bytes(), nullRows)
	if at < 0 || bytes.Count(rest.Bytes(), rowsName) != 1 {
		c.Rows = rows
		return jsonv2.MarshalWrite(w, c, opts) // never met; correct however the type changes
	}
	if err := writeAll(w, rest.Bytes()[:at], openRows); err != nil {
		return err
	}
	for i := range chunks.done {
		part, err := chunks.next(i)
		if err == nil && i > 0 {
			err = writeAll(w, comma)
		}
		if err == nil {
			b := part.Bytes() // a non-empty array: [row,…,row]
			err = writeAll(w, b[1:len(b)-1])
			jsonBuffers.Put(part)
		}
		if err != nil {
			return err
		}
	}
	return writeAll(w, closeRows, rest.Bytes()[at+len(nullRows):])
}

// jsonChunkRows is how many rows are encoded together: enough that a
// chunk is worth a goroutine, few enough that a comparison of some 250
// changed rows is shared among the processors.
const jsonChunkRows = 32

// chunkEncoder encodes rows chunk by chunk, at most ahead chunks beyond
// the one being written, each chunk's JSON handed over on its own channel.
type chunkEncoder struct {
	done  []chan encodedChunk
	turns chan struct{} // a slot for each chunk encoded and not yet written
	quit  chan struct{}
}

type encodedChunk struct {
	json *bytes.Buffer
	err  error
}

func encodeChunks(rows []report.ComparisonRow, opts jsonv2.Options, ahead int) *chunkEncoder {
	n := (len(rows) + jsonChunkRows - 1) / jsonChunkRows
	e := &chunkEncoder{done: make([]chan encodedChunk, n), turns: make(chan struct{}, ahead), quit: make(chan struct{})}
	for i := range e.done {
		e.done[i] = make(chan encodedChunk, 1) // never blocks the encoder
	}
	go func() {
		for i, done := range e.done {
			select {
			case e.turns <- struct{}{}:
			case <-e.quit:
				return
			}
			chunk := rows[i*jsonChunkRows : min((i+1)*jsonChunkRows, len(rows))]
			go func() {
				b, err := marshalPooled(chunk, opts)
				done <- encodedChunk{b, err}
			}()
		}
	}()
	return e
}

// next waits for chunk i's JSON, freeing its turn for a chunk further on.
func (e *chunkEncoder) next(i int) (*bytes.Buffer, error) {
	c := <-e.done[i]
	<-e.turns
	return c.json, c.err
}

// stop ends the encoding of chunks not yet begun (the answer was cut off).
func (e *chunkEncoder) stop() { close(e.quit) }

func writeAll(w io.Writer, parts ...[]byte) error {
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

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

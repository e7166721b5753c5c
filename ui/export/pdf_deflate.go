package export

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"slices"
	"strconv"
)

// fpdf compresses each page with a zlib writer of its own, and a zlib
// writer allocates over a megabyte before it compresses a byte: a
// 1,200-page export allocated 1.4 GB for writers alone, and spent most of
// its time clearing them. So pages are written uncompressed and compressed
// here, as fpdf hands the finished file over, by one reused writer.
//
// fpdf's output is regular: objects "n 0 obj … endobj" one after another,
// an uncompressed stream as "<</Length L>>\nstream\n…\nendstream", then
// the cross-reference table (fixed 20-byte entries) and the trailer. The
// rewrite compresses every stream whose dictionary is a bare /Length,
// shifts the table's offsets by what compression saved, and copies the
// rest byte for byte. Anything it does not recognise it leaves as is.
//
// The rewrite also writes the page count into each page's footer, which
// fpdf's own alias (AliasNbPages) would do by copying every page twice
// more.

// pageCountAlias stands for the page count in a footer. In a page's
// content it is UTF-16 (fpdf's encoding for its UTF-8 fonts), the last
// text on the page, after anything a user wrote.
const pageCountAlias = "{nb}"

var pageCountUTF16 = utf16BE(pageCountAlias)

// utf16BE encodes ASCII s as fpdf writes text in a content stream.
func utf16BE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, 0, s[i])
	}
	return b
}

// deflateWriter takes fpdf's output and writes it with its content
// streams compressed.
type deflateWriter struct {
	w       io.Writer
	pages   int // the page count, for the footers
	pending []byte
	done    bool
}

// Write receives the PDF. fpdf writes the whole file in one call, which is
// rewritten at once, without a copy; anything else is kept for close.
func (d *deflateWriter) Write(p []byte) (int, error) {
	if len(d.pending) == 0 && !d.done && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		d.done = true
		return len(p), deflateStreams(d.w, p, d.pages)
	}
	d.pending = append(d.pending, p...)
	return len(p), nil
}

func (d *deflateWriter) close() error {
	if len(d.pending) == 0 {
		return nil
	}
	return deflateStreams(d.w, d.pending, d.pages)
}

var errPDFLayout = errors.New("export: unexpected PDF layout from fpdf")

// deflateStreams writes pdf to w with its bare streams compressed and the
// page count in its footers.
func deflateStreams(w io.Writer, pdf []byte, pages int) error {
	xref, offsets, trailer, err := parseXref(pdf)
	if err != nil {
		return err
	}
	// Objects in file order: each runs to where the next begins.
	order := make([]int, 0, len(offsets))
	for n := range offsets {
		if n > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 || offsets[order[0]] <= 0 || offsets[order[len(order)-1]] >= xref {
		return errPDFLayout
	}

	cw := &countWriter{w: w}
	cw.Write(pdf[:offsets[order[0]]]) // the header
	z := zlibBuf{pages: utf16BE(strconv.Itoa(pages))}
	newOffsets := make([]int, len(offsets))
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		newOffsets[n] = cw.n
		z.writeObject(cw, pdf[offsets[n]:end])
	}
	newXref := cw.n
	var b []byte
	b = append(b, "xref\n0 "...)
	b = strconv.AppendInt(b, int64(len(offsets)), 10)
	b = append(b, "\n0000000000 65535 f \n"...)
	for _, off := range newOffsets[1:] {
		b = appendPadded(b, off)
		b = append(b, " 00000 n \n"...)
	}
	b = append(b, trailer...)
	b = append(b, "startxref\n"...)
	b = strconv.AppendInt(b, int64(newXref), 10)
	b = append(b, "\n%%EOF\n"...)
	cw.Write(b)
	return cw.err
}

// parseXref reads the cross-reference table fpdf writes: where it starts,
// each object's offset (index = object number) and the trailer after it.
func parseXref(pdf []byte) (xref int, offsets []int, trailer []byte, err error) {
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		return 0, nil, nil, errPDFLayout
	}
	num, _, _ := bytes.Cut(pdf[i+len("startxref\n"):], []byte("\n"))
	xref, err = strconv.Atoi(string(num))
	if err != nil || xref <= 0 || xref >= i {
		return 0, nil, nil, errPDFLayout
	}
	table := pdf[xref:i]
	head, rest, ok := bytes.Cut(table, []byte("\n"))
	if !ok || string(head) != "xref" {
		return 0, nil, nil, errPDFLayout
	}
	sub, rest, _ := bytes.Cut(rest, []byte("\n"))
	first, count, ok := bytes.Cut(sub, []byte(" "))
	n, err := strconv.Atoi(string(count))
	if !ok || string(first) != "0" || err != nil || n < 1 || len(rest) < 20*n {
		return 0, nil, nil, errPDFLayout
	}
	offsets = make([]int, n)
	for j := 1; j < n; j++ {
		entry := rest[20*j : 20*j+20]
		if entry[10] != ' ' || entry[17] != 'n' {
			return 0, nil, nil, errPDFLayout
		}
		if offsets[j], err = strconv.Atoi(string(entry[:10])); err != nil || offsets[j] >= xref {
			return 0, nil, nil, errPDFLayout
		}
	}
	return xref, offsets, rest[20*n:], nil
}

// zlibBuf compresses streams with one writer and one buffer, reused.
type zlibBuf struct {
	buf   bytes.Buffer
	zw    *zlib.Writer
	hdr   []byte
	pages []byte // the page count, UTF-16, to replace pageCountAlias
}

// writeObject writes obj, compressing its stream when it is bare:
// "n 0 obj\n<</Length L>>\nstream\n" L bytes "\nendstream\nendobj\n".
func (z *zlibBuf) writeObject(w io.Writer, obj []byte) {
	line, rest, _ := bytes.Cut(obj, []byte("\n"))
	dict, rest, _ := bytes.Cut(rest, []byte("\n"))
	length, ok := bytes.CutPrefix(dict, []byte("<</Length "))
	length, ok2 := bytes.CutSuffix(length, []byte(">>"))
	data, ok3 := bytes.CutPrefix(rest, []byte("stream\n"))
	n, err := strconv.Atoi(string(length))
	if !ok || !ok2 || !ok3 || err != nil || n > len(data) || !bytes.HasPrefix(data[n:], []byte("\nendstream\n")) {
		w.Write(obj)
		return
	}
	z.buf.Reset()
	if z.zw == nil {
		z.zw, _ = zlib.NewWriterLevel(&z.buf, zlib.BestSpeed) // a valid level: no error
	} else {
		z.zw.Reset(&z.buf)
	}
	// Into a bytes.Buffer: no errors.
	if i := bytes.LastIndex(data[:n], pageCountUTF16); i >= 0 {
		z.zw.Write(data[:i])
		z.zw.Write(z.pages)
		z.zw.Write(data[i+len(pageCountUTF16) : n])
	} else {
		z.zw.Write(data[:n])
	}
	z.zw.Close()
	z.hdr = append(append(z.hdr[:0], line...), "\n<</Filter /FlateDecode /Length "...)
	z.hdr = strconv.AppendInt(z.hdr, int64(z.buf.Len()), 10)
	z.hdr = append(z.hdr, ">>\nstream\n"...)
	w.Write(z.hdr)
	w.Write(z.buf.Bytes())
	w.Write(data[n:]) // "\nendstream\nendobj\n"
}

func appendPadded(b []byte, n int) []byte {
	var d [10]byte
	s := strconv.AppendInt(d[:0], int64(n), 10)
	for range 10 - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// countWriter counts what it writes and keeps the first error.
type countWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

package jsapi

// progress posts a task's ProgressUpdate events from a goroutine.
type progress struct {
	a      *API
	task   *netTask
	total  int64 // 0 when unknown
	done   int64
	last   int // the percentage last reported, once posted
	names  [2]string
	posted bool
}

var (
	downloadProgressNames = [2]string{"totalBytesWritten", "totalBytesExpectedToWrite"}
	uploadProgressNames   = [2]string{"totalBytesSent", "totalBytesExpectedToSend"}
)

// Write counts bytes through (an io.Writer for io.Copy and io.TeeReader).
func (p *progress) Write(b []byte) (int, error) {
	p.add(int64(len(b)))
	return len(b), nil
}

func (p *progress) add(n int64) {
	p.done += n
	pct := 0
	if p.total > 0 {
		pct = int(min(p.done*100/p.total, 100))
	}
	if !p.posted || pct != p.last {
		p.post(pct, p.done, p.total)
	}
}

// end reports 100% once everything is through, if not yet reported.
func (p *progress) end() {
	if !p.posted || p.last != 100 {
		p.post(100, p.done, max(p.total, p.done))
	}
}

func (p *progress) post(pct int, done, total int64) {
	p.posted, p.last = true, pct
	a, task, names := p.a, p.task, p.names
	a.loop.Post(func() {
		a.emitTask(task, "ProgressUpdate", a.object("progress", pct, names[0], done, names[1], total))
	})
}

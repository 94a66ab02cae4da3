package loadgen

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// cpuMark is a reading of the CPU time used so far by the generator
// itself and, when their process IDs are known, by the server's processes.
type cpuMark struct {
	self      time.Duration
	server    time.Duration
	hasServer bool
}

// readCPU reads the generator's CPU time (user + system) and the sum of
// the server processes' from /proc/<pid>/stat, when pids are given and the
// system has them all.
func readCPU(pids []int) cpuMark {
	m := cpuMark{self: selfCPU()}
	m.hasServer = len(pids) > 0
	for _, pid := range pids {
		t, ok := procCPU(pid)
		m.server += t
		m.hasServer = m.hasServer && ok
	}
	return m
}

// clockTicks is USER_HZ, 100 on every Linux architecture Go supports.
const clockTicks = 100

// procCPU reads utime + stime of a process from /proc/<pid>/stat.
func procCPU(pid int) (time.Duration, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name (field 2) may hold spaces; fields after it are
	// plain. utime and stime are fields 14 and 15.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, true
}

package loadgen

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// cpuMark is a reading of the CPU time used so far by the generator
// itself and, when its process ID is known, by the server.
type cpuMark struct {
	self      time.Duration
	server    time.Duration
	hasServer bool
}

// readCPU reads the generator's CPU time (user + system) and the server's
// from /proc/<pid>/stat when pid is set and the system has it.
func readCPU(pid int) cpuMark {
	m := cpuMark{self: selfCPU()}
	if pid > 0 {
		m.server, m.hasServer = procCPU(pid)
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

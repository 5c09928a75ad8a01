#!/usr/bin/env python3
"""Drive a program in a pseudo-terminal, as a person at a terminal would.

Why Python: its standard pty module is on every machine we run on (CI too),
where node-pty would need a native build and tmux may not be installed.

usage: pty-driver.py COLS ROWS -- COMMAND...   with a JSON list of steps on stdin:
  {"wait": REGEX, "timeout": SECONDS}   wait until the output so far matches
  {"keys": TEXT}                        type TEXT (escape sequences allowed)
  {"sleep": SECONDS}
  {"latency": KEY, "count": N}          press KEY N times, timing each press to
                                        the end of the output it causes
  {"mark": NAME}                        note the time (ms since start)
  {"signal": "TERM"}                    send the program a signal
  {"resize": [COLS, ROWS]}              resize the terminal (SIGWINCH)
  {"clear": true}                       forget the output so far (for the next wait)
  {"close": true}                       close the terminal (the pty master), as a closed
                                        window does; the program gets SIGHUP from the kernel
Prints JSON: {"exit": code, "output": all output, "marks": {...}, "latency": [ms]}.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[sys.argv.index('--') + 1:]
    steps = json.load(sys.stdin)
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm-256color'
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    out = bytearray()
    marks, latency = {}, []
    first_output = None

    def read(timeout):
        nonlocal first_output
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return 0
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return -1
        if not chunk:
            return -1
        if first_output is None:
            first_output = (time.monotonic() - start) * 1000
        out.extend(chunk)
        return len(chunk)

    def text():
        return re.sub(r'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]P_^X].*?(\x07|\x1b\\)|\x1b.', '', out.decode('utf-8', 'replace'))

    for step in steps:
        if 'wait' in step:
            deadline = time.monotonic() + step.get('timeout', 10)
            pattern = re.compile(step['wait'])
            while not pattern.search(text()):
                if time.monotonic() > deadline or read(0.05) == -1:
                    if not pattern.search(text()):
                        print(json.dumps({'error': 'timeout waiting for ' + step['wait'], 'output': text()[-3000:]}))
                        os.kill(pid, signal.SIGKILL)
                        sys.exit(1)
            marks.setdefault('wait:' + step['wait'], (time.monotonic() - start) * 1000)
        elif 'keys' in step:
            os.write(fd, step['keys'].encode())
        elif 'sleep' in step:
            end = time.monotonic() + step['sleep']
            while time.monotonic() < end:
                read(max(0, end - time.monotonic()))
        elif 'resize' in step:
            c, r = step['resize']
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', r, c, 0, 0))
            os.kill(pid, signal.SIGWINCH)
        elif 'clear' in step:
            out.clear()
        elif 'close' in step:
            os.close(fd)
            fd = None
            break
        elif 'signal' in step:
            os.kill(pid, getattr(signal, 'SIG' + step['signal']))
        elif 'mark' in step:
            marks[step['mark']] = (time.monotonic() - start) * 1000
        elif 'latency' in step:
            for _ in range(step.get('count', 20)):
                while read(0.02) > 0:  # drain
                    pass
                t0 = time.monotonic()
                os.write(fd, step['latency'].encode())
                got = False
                while True:
                    n = read(0.03 if got else 1.0)
                    if n > 0:
                        got = True
                        t_end = time.monotonic()
                    else:
                        break
                if got:
                    latency.append((t_end - t0) * 1000)
    # Wait for the program to end (the steps should have made it quit).
    code = None
    if fd is None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.02)
        if code is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        print(json.dumps({'exit': code, 'output': text(), 'raw_tail': '', 'marks': marks, 'latency': latency}))
        return

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        read(0.05)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            break
    if code is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    while read(0.01) > 0:
        pass
    marks['first_output'] = first_output
    print(json.dumps({'exit': code, 'output': text(), 'raw_tail': out[-200:].decode('utf-8', 'replace'), 'raw': out.decode('utf-8', 'replace') if os.environ.get('PTY_DRIVER_RAW') else None, 'marks': marks, 'latency': latency}))

main()

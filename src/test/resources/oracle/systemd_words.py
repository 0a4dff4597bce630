"""Reads unit-file values as JSON lines {"kind": "exec"|"env", "value": "..."} and answers, one JSON
line each, with what systemd 252's own library functions make of them: the words of the value
(extract_first_word with unquoting and C unescaping), each with specifiers resolved
(specifier_printf with no specifiers but %%), and for "exec" the argv after variable expansion
(replace_env_argv with an empty environment), following the command-line rules of
systemd.service(5) for the prefixes, ';' and '\\;'.

Usage: python3 systemd_words.py /path/to/libsystemd-shared-NNN.so < requests > answers
"""
import ctypes
import json
import sys

EXTRACT_CUNESCAPE = 1 << 1  # bit values of systemd 252's ExtractFlags, probed against the library
EXTRACT_UNQUOTE = 1 << 5
WHITESPACE = b" \t\n\r"

lib = ctypes.CDLL(sys.argv[1])
lib.extract_first_word.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_int]
lib.extract_first_word.restype = ctypes.c_int
lib.specifier_printf.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p,
                                 ctypes.POINTER(ctypes.c_void_p)]
lib.specifier_printf.restype = ctypes.c_int
lib.replace_env_argv.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_char_p)]
lib.replace_env_argv.restype = ctypes.POINTER(ctypes.c_char_p)
NO_SPECIFIERS = (ctypes.c_char * 64)()  # one zeroed entry: the table's terminator


class Cursor:
    def __init__(self, text):
        self.buf = ctypes.create_string_buffer(text.encode("utf-8"))
        self.p = ctypes.c_void_p(ctypes.addressof(self.buf))

    def peek(self, n):
        """Up to n bytes at the cursor; extract_first_word sets the cursor to NULL at the end."""
        out = b""
        while self.p.value is not None and len(out) < n:
            byte = ctypes.c_char.from_address(self.p.value + len(out)).value
            if byte == b"\0":
                break
            out += byte
        return out

    def skip(self, n):
        self.p.value += n
        while self.peek(1) and self.peek(1) in WHITESPACE:
            self.p.value += 1

    def word(self):
        ret = ctypes.c_void_p()
        r = lib.extract_first_word(ctypes.byref(self.p), ctypes.byref(ret), None, EXTRACT_CUNESCAPE | EXTRACT_UNQUOTE)
        if r < 0:
            raise ValueError("extract_first_word failed: %d" % r)
        return None if r == 0 else ctypes.string_at(ret.value)


def specifiers(word):
    ret = ctypes.c_void_p()
    r = lib.specifier_printf(word, 1 << 24, ctypes.addressof(NO_SPECIFIERS), None, None, ctypes.byref(ret))
    if r < 0:
        raise ValueError("specifier_printf failed: %d" % r)
    return ctypes.string_at(ret.value)


def variables(argv):
    array = (ctypes.c_char_p * (len(argv) + 1))(*argv, None)
    no_env = (ctypes.c_char_p * 1)(None)
    out = lib.replace_env_argv(array, no_env)
    result, i = [], 0
    while out[i] is not None:
        result.append(out[i])
        i += 1
    return result


def exec_command(value):
    cursor = Cursor(value)
    first = cursor.word()
    if first is None:
        raise ValueError("empty command line")
    prefixes = b""
    while first[:1] and first[:1] in b"-@:+!":
        prefixes, first = prefixes + first[:1], first[1:]
    path = specifiers(first)
    argv = [] if b"@" in prefixes else [path]
    while cursor.peek(1):
        head = cursor.peek(3)
        if head[:1] == b";" and (len(head) == 1 or head[1:2] in WHITESPACE):
            raise ValueError("a second command follows ';'")
        if head[:2] == b"\\;" and (len(head) == 2 or head[2:3] in WHITESPACE):
            cursor.skip(2)
            argv.append(b";")
            continue
        word = cursor.word()
        if word is None:
            break
        argv.append(specifiers(word))
    if b":" not in prefixes:
        argv = variables(argv)
    return {"path": path.decode(), "prefixes": prefixes.decode(), "argv": [a.decode() for a in argv]}


def env_words(value):
    cursor, words = Cursor(value), []
    while True:
        word = cursor.word()
        if word is None:
            return {"words": words}
        words.append(specifiers(word).decode())


for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    request = json.loads(line)
    try:
        answer = exec_command(request["value"]) if request["kind"] == "exec" else env_words(request["value"])
    except ValueError as e:
        answer = {"error": str(e)}
    print(json.dumps(answer))

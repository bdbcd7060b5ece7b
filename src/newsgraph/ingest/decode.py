"""Turn the bytes of one input into text, or say in a few words why they are not text.

Ingest hands on raw bytes and this runs inside the pipeline, per document, so a binary or
undecodable file becomes an error record in its place instead of stopping a batch.

The order matters: size first (never scan a huge blob), then byte-order marks (UTF-16 text
is full of NUL bytes, so it must be recognised before the binary test), then known binary
formats by magic number (so the message can name the format), then generic binary tests,
then UTF-8 before charset-normalizer, which guesses wrong on short texts and would turn
plain UTF-8 into mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph.config import Config
from newsgraph.errors import InputError

__all__ = ["decode"]

# How much of the start of a document the binary tests look at: binary formats show
# themselves in their first blocks, and a bounded sample keeps the test cheap.
_SNIFF_BYTES = 8192
# Share of C0 control bytes (other than tab, newlines, form feed) above which a document is
# binary. Text has almost none; a conservative guess, not tuned on a corpus.
_MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")

# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "DOC/XLS"),
    (b"\x7fELF", "ELF executable"),
)

# Office files are ZIP archives; the member names near the start say which kind.
_ZIP_MEMBERS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "DOCX"),
    (b"xl/", "XLSX"),
    (b"ppt/", "PPTX"),
    (b"application/epub+zip", "EPUB"),
    (b"application/vnd.oasis.opendocument", "OpenDocument"),
)

# Characters beyond ASCII that Western European text in windows-1252 uses: the letters of
# its languages (not Icelandic ð þ ý, which letters of other code pages turn into) and the
# typographic marks. Accented letters stay well under half of all letters even in short,
# accent-heavy sentences (a fifth in our French and Finnish tests), while Cyrillic or
# Greek read as windows-1252 is nearly all accented: a guess with a wide margin both ways,
# not tuned on a corpus.
_WESTERN_LETTERS = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœŠšŸŽž"
_WESTERN_MARKS = "‘’‚“”„–—…•€«»°©®™·§¡¿£\u00a0"
_NOT_WESTERN = re.compile(f"[^\\x00-\\x7f{_WESTERN_LETTERS}{_WESTERN_MARKS}]")
_WESTERN_LETTER = re.compile(f"[{_WESTERN_LETTERS}]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_MAX_ACCENTED_SHARE = 0.5
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes | str, config: Config) -> str:
    """The text of one document with newlines normalised to \\n.

    A str (from JSON) is already text: it is only checked for size and emptiness, and
    unpaired surrogates (from broken \\u escapes, which would fail any later UTF-8 write)
    become U+FFFD. Raises `InputError` for a document that is too large, binary,
    undecodable or empty.
    """
    text = _check_str(data, config) if isinstance(data, str) else _decode_bytes(data, config)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("document is empty")
    return text


def _check_str(text: str, config: Config) -> str:
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
        size = len(text.encode("utf-8"))
    _check_size(size, config)
    return text


def _decode_bytes(data: bytes, config: Config) -> str:
    _check_size(len(data), config)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"not valid {encoding} text despite its byte-order mark") from None
    _reject_binary(data[:_SNIFF_BYTES])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> str:
    """Decode bytes that are not UTF-8: windows-1252 if it reads as Western text, else
    whatever charset-normalizer finds best.

    On short texts charset-normalizer often guesses wrong: in our tests a French sentence in
    windows-1252 came out as cp1257 and a Finnish one as Big5. Windows-1252 is by far the
    commonest legacy encoding of news text, and its reading is easy to check: Polish, Czech
    or Turkish bytes show characters like ¹ ³ ý þ, and Cyrillic or Greek bytes turn into
    words made only of accented letters. The price: Hungarian in windows-1250 reads with õ
    and û in place of ő and ű.
    """
    text = _western_reading(data)
    if text is not None:
        return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding")
    return str(best)


def _western_reading(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _NOT_WESTERN.search(text):
        return None
    accented = len(_WESTERN_LETTER.findall(text))
    letters = accented + len(_ASCII_LETTER.findall(text))
    return text if accented <= _MAX_ACCENTED_SHARE * letters else None


def _check_size(size: int, config: Config) -> None:
    if size > config.max_bytes:
        raise InputError(
            f"document is {size} bytes, over the limit of {config.max_bytes} (Config.max_bytes)"
        )


def _reject_binary(head: bytes) -> None:
    """Raise if the first bytes of a document show a binary format."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name == "ZIP":
                name = next((kind for member, kind in _ZIP_MEMBERS if member in head), name)
            raise InputError(f"binary file ({name}), not text")
    if b"\x00" in head:
        raise InputError("binary file (contains NUL bytes), not text")
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        raise InputError("binary file (many control characters), not text")

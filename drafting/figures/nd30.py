"""The fixed strings of Nghị định 30/2020/NĐ-CP (Phụ lục I) that every rendering of a report prints."""

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

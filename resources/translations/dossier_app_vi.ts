<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Park establishment dossier</source>
        <translation>Hồ sơ thành lập khu công nghệ</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>Dossier workspace for establishing a high-tech park and a concentrated IT park: legal outlines, section drafting with full revision history, attachments and search.</source>
        <translation>Môi trường soạn thảo hồ sơ thành lập khu công nghệ cao và khu công nghệ thông tin tập trung: đề cương theo quy định của pháp luật, soạn thảo từng mục với đầy đủ lịch sử phiên bản, tệp đính kèm và tìm kiếm.</translation>
    </message>
    <message>
        <source>Free software under the Apache License 2.0 (the LICENSE file that comes with the program). It ships with the libraries and fonts below, each under its own licence; their notices are in the THIRD_PARTY_LICENSES file and each library&apos;s full licence text comes with it.</source>
        <translation>Phần mềm tự do theo Giấy phép Apache 2.0 (tệp LICENSE đi kèm chương trình). Chương trình có kèm các thư viện và phông chữ dưới đây, mỗi thành phần theo giấy phép riêng; thông báo giấy phép của chúng ở tệp THIRD_PARTY_LICENSES và toàn văn giấy phép của từng thư viện đi kèm thư viện đó.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <source>Home page</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <source>The THIRD_PARTY_LICENSES file is missing: this copy of the program is incomplete.</source>
        <translation>Thiếu tệp THIRD_PARTY_LICENSES: bản chương trình này không đầy đủ.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Vô hiệu hóa / kích hoạt</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>đã vô hiệu hóa</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>New password for {name}:</source>
        <translation>Mật khẩu mới cho {name}:</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve “{title}”</source>
        <translation>Phê duyệt “{title}”</translation>
    </message>
    <message>
        <source>Last approved text</source>
        <translation>Nội dung đã phê duyệt gần nhất</translation>
    </message>
    <message>
        <source>(nothing approved yet)</source>
        <translation>(chưa có nội dung nào được phê duyệt)</translation>
    </message>
    <message>
        <source>Submitted text</source>
        <translation>Nội dung trình duyệt</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <source>Return for changes…</source>
        <translation>Trả lại để chỉnh sửa…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AttachmentsPane</name>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Mark as</source>
        <translation>Đánh dấu là</translation>
    </message>
    <message>
        <source>Drop files here to attach them to the section.</source>
        <translation>Kéo và thả tệp vào đây để đính kèm vào mục.</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Không thuộc loại nào</translation>
    </message>
    <message>
        <source>Added by {who} on {when}
SHA-256: {hash}</source>
        <translation>Do {who} thêm lúc {when}
SHA-256: {hash}</translation>
    </message>
    <message>
        <source>Attach files to the section</source>
        <translation>Đính kèm tệp vào mục</translation>
    </message>
    <message>
        <source>Remove attachments</source>
        <translation>Gỡ tệp đính kèm</translation>
    </message>
    <message>
        <source>Remove {count} attachment(s) from this section?</source>
        <translation>Gỡ {count} tệp đính kèm khỏi mục này?</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả mọi người</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Tất cả dự án</translation>
    </message>
    <message>
        <source>action, e.g. section.save</source>
        <translation>thao tác, ví dụ: section.save</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Kiểm tra tính toàn vẹn</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Người thực hiện:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Dự án:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Thao tác:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Đến ngày:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>{shown} of {total} entries shown.</source>
        <translation>Đang hiển thị {shown} trên {total} mục nhật ký.</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Đang kiểm tra nhật ký thao tác…</translation>
    </message>
    <message>
        <source>Checking the audit trail… {done} of {total}</source>
        <translation>Đang kiểm tra nhật ký thao tác… {done}/{total}</translation>
    </message>
    <message>
        <source>The audit trail is intact: {count} entries checked.</source>
        <translation>Nhật ký thao tác còn nguyên vẹn: đã kiểm tra {count} mục.</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>đã bị sửa</translation>
    </message>
    <message>
        <source>missing (removed)</source>
        <translation>bị thiếu (đã bị xóa)</translation>
    </message>
    <message>
        <source>inserted by hand</source>
        <translation>bị chèn thủ công</translation>
    </message>
    <message>
        <source>The audit trail was tampered with: entry {entry} is {problem}.</source>
        <translation>Nhật ký thao tác đã bị can thiệp: mục {entry} {problem}.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sao lưu dữ liệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Sao lưu ngay…</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>Khôi phục từ bản sao lưu đã chọn…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ tệp…</translation>
    </message>
    <message>
        <source>The program backs up this database once a day when it starts and keeps the last {count} copies in {folder}. Each backup holds the attachments in a folder beside it.</source>
        <translation>Chương trình tự động sao lưu cơ sở dữ liệu này mỗi ngày một lần khi khởi động và giữ lại {count} bản sao lưu gần nhất trong thư mục {folder}. Tệp đính kèm của mỗi bản sao lưu được lưu trong một thư mục bên cạnh.</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server ({location}). The server&apos;s own daily backups are its administrator&apos;s job; here an administrator can write a complete copy now (pg_dump, attachments included) or restore one. Restoring replaces the data every desktop sees.</source>
        <translation>Cơ sở dữ liệu này nằm trên máy chủ PostgreSQL ({location}). Việc sao lưu hằng ngày trên máy chủ do người quản trị máy chủ đảm nhiệm; tại đây, quản trị viên có thể tạo ngay một bản sao đầy đủ (pg_dump, gồm cả tệp đính kèm) hoặc khôi phục từ một bản sao. Khôi phục sẽ thay dữ liệu mà mọi máy đang dùng.</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite3 *.db)</source>
        <translation>Bản sao lưu cơ sở dữ liệu (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>Server database backups (*.dump)</source>
        <translation>Bản sao lưu máy chủ (*.dump)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sao lưu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Restore the backup?</source>
        <translation>Khôi phục bản sao lưu?</translation>
    </message>
    <message>
        <source>The whole database {database} will be replaced by the backup {backup}. Everything saved since that backup was made will be lost. The window closes and reopens on the restored data.</source>
        <translation>Toàn bộ cơ sở dữ liệu {database} sẽ được thay thế bằng bản sao lưu {backup}. Mọi dữ liệu đã lưu sau thời điểm sao lưu sẽ bị mất. Cửa sổ sẽ đóng lại và mở lại với dữ liệu đã khôi phục.</translation>
    </message>
    <message>
        <source>Backing up to {path}…</source>
        <translation>Đang sao lưu vào {path}…</translation>
    </message>
    <message>
        <source>Checking the backup {path}…</source>
        <translation>Đang kiểm tra bản sao lưu {path}…</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>Restoring from {path}…</source>
        <translation>Đang khôi phục từ {path}…</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size}).</source>
        <translation>Đã sao lưu vào {path} ({size}).</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm đất</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Đã đối chiếu</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Add an entry (Insert)</source>
        <translation>Thêm mục vào danh mục (Insert)</translation>
    </message>
    <message>
        <source>Remove the selected entry (Delete)</source>
        <translation>Xóa mục đang chọn khỏi danh mục (Delete)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>Xóa khỏi danh mục</translation>
    </message>
    <message>
        <source>Remove &apos;{name}&apos; from the catalogue?</source>
        <translation>Xóa &apos;{name}&apos; khỏi danh mục?</translation>
    </message>
</context>
<context>
    <name>Catalogues</name>
    <message>
        <source>Agricultural land</source>
        <translation>Đất nông nghiệp</translation>
    </message>
    <message>
        <source>Residential land</source>
        <translation>Đất ở</translation>
    </message>
    <message>
        <source>Other non-agricultural land</source>
        <translation>Đất phi nông nghiệp không phải là đất ở</translation>
    </message>
    <message>
        <source>Unused land</source>
        <translation>Đất chưa sử dụng</translation>
    </message>
</context>
<context>
    <name>CataloguesDialog</name>
    <message>
        <source>Catalogues</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Land-use codes</source>
        <translation>Mã loại đất</translation>
    </message>
    <message>
        <source>Wards and communes</source>
        <translation>Phường, xã</translation>
    </message>
    <message>
        <source>These lists check imports and fill the register&apos;s filters and the Excel template. An entry still used by the register cannot be removed.</source>
        <translation>Các danh mục này dùng để kiểm tra dữ liệu khi nhập tệp, làm bộ lọc của sổ giải phóng mặt bằng và tệp mẫu Excel. Không thể xóa mục đang được sử dụng trong sổ.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ChecklistWindow</name>
    <message>
        <source>Conditions checklist — {code}</source>
        <translation>Bảng đánh giá điều kiện — {code}</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Edit the facts…</source>
        <translation>Sửa số liệu…</translation>
    </message>
    <message>
        <source>Numeric criteria, computed from the project&apos;s facts</source>
        <translation>Các tiêu chí định lượng, tính từ số liệu của dự án</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tài liệu chứng minh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Chưa đánh giá</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đáp ứng</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Chưa đáp ứng</translation>
    </message>
    <message>
        <source>How the dossier shows it, or what is still missing</source>
        <translation>Hồ sơ thể hiện điều kiện này như thế nào, hoặc còn thiếu nội dung gì</translation>
    </message>
    <message>
        <source>Tick the sections and attachments that prove the condition; double-click one to open its section.</source>
        <translation>Đánh dấu các mục và tệp đính kèm chứng minh điều kiện; nhấp đúp để mở mục tương ứng.</translation>
    </message>
    <message>
        <source>Save the condition</source>
        <translation>Lưu điều kiện</translation>
    </message>
    <message>
        <source>Selected condition</source>
        <translation>Điều kiện đang chọn</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Facts missing</source>
        <translation>Thiếu số liệu</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <source>people</source>
        <translation>người</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Find a command</source>
        <translation>Tìm lệnh</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name, with or without diacritics</source>
        <translation>Gõ một phần tên lệnh, có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>No command matches.</source>
        <translation>Không có lệnh nào khớp.</translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation>Lúc này chưa dùng được.</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Edit comment</source>
        <translation>Sửa ý kiến</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Thêm ý kiến</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>(no section)</source>
        <translation>(không gắn với mục)</translation>
    </message>
    <message>
        <source>From (ministry, council)</source>
        <translation>Cơ quan góp ý (bộ, ngành, hội đồng)</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nội dung ý kiến</translation>
    </message>
    <message>
        <source>Answer (tiếp thu, giải trình)</source>
        <translation>Tiếp thu, giải trình</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Resolved by revision</source>
        <translation>Đã xử lý tại phiên bản</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Revision {number} — {when}, {who}</source>
        <translation>Phiên bản {number} — {when}, {who}</translation>
    </message>
</context>
<context>
    <name>CommentRegisterWindow</name>
    <message>
        <source>Comment register — {code}</source>
        <translation>Bảng tổng hợp tiếp thu, giải trình ý kiến — {code}</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Cơ quan góp ý</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nội dung ý kiến</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Tiếp thu, giải trình</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Go to the section</source>
        <translation>Đến mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>All ministries and councils</source>
        <translation>Tất cả bộ, ngành và hội đồng</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Xóa ý kiến</translation>
    </message>
    <message>
        <source>Delete the comment from {source}?</source>
        <translation>Xóa ý kiến của {source}?</translation>
    </message>
</context>
<context>
    <name>CommentStates</name>
    <message>
        <source>No answer yet</source>
        <translation>Chưa tiếp thu, giải trình</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Tiếp thu</translation>
    </message>
    <message>
        <source>Explained</source>
        <translation>Giải trình</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Không tiếp thu</translation>
    </message>
</context>
<context>
    <name>CommentsPane</name>
    <message>
        <source>Write a comment (the text selected in the editor is quoted)…</source>
        <translation>Viết ý kiến (đoạn đang chọn trong trình soạn thảo sẽ được trích dẫn)…</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Thêm ý kiến</translation>
    </message>
    <message>
        <source>Resolve / reopen</source>
        <translation>Đã xử lý / mở lại</translation>
    </message>
    <message>
        <source>returned for changes</source>
        <translation>trả lại để chỉnh sửa</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>đã xử lý</translation>
    </message>
    <message>
        <source>Quoting: “{text}”</source>
        <translation>Trích dẫn: “{text}”</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Edit conflict</source>
        <translation>Xung đột chỉnh sửa</translation>
    </message>
    <message>
        <source>“{title}” was saved by {who} after you opened it. Nothing of yours is lost: merge what you need into your text on the right and save it as a new revision (theirs stays in the history), or take theirs and drop yours.</source>
        <translation>“{title}” đã được {who} lưu sau khi bạn mở. Nội dung của bạn không bị mất: hãy gộp những gì cần thiết vào bản của bạn ở bên phải rồi lưu thành phiên bản mới (bản của họ vẫn còn trong lịch sử), hoặc dùng bản của họ và bỏ bản của bạn.</translation>
    </message>
    <message>
        <source>Their text</source>
        <translation>Bản của người kia</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Bản của bạn</translation>
    </message>
    <message>
        <source>Their text (saved)</source>
        <translation>Bản của người kia (đã lưu)</translation>
    </message>
    <message>
        <source>Save my text as a new revision</source>
        <translation>Lưu bản của tôi thành phiên bản mới</translation>
    </message>
    <message>
        <source>Take theirs, drop mine</source>
        <translation>Dùng bản của người kia, bỏ bản của tôi</translation>
    </message>
</context>
<context>
    <name>ConflictsWindow</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Xung đột đồng bộ</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Số khối</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Phát hiện lúc</translation>
    </message>
    <message>
        <source>The same passage was changed here and on the server. Both texts are kept. Open a conflict (Enter or double-click), merge what you need into your text and save it as a new revision.</source>
        <translation>Cùng một đoạn đã được sửa ở máy này và trên máy chủ. Cả hai bản đều được giữ. Mở một xung đột (Enter hoặc nhấp đúp), đưa phần cần thiết vào bản của bạn rồi lưu thành phiên bản mới.</translation>
    </message>
    <message>
        <source>No section text is in conflict.</source>
        <translation>Không có nội dung mục nào bị xung đột.</translation>
    </message>
    <message>
        <source>No conflicts: this copy and the server agree.</source>
        <translation>Không có xung đột: bản trên máy này khớp với máy chủ.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>máy chủ</translation>
    </message>
</context>
<context>
    <name>ConsultationTableModel</name>
    <message>
        <source>Body consulted</source>
        <translation>Cơ quan được lấy ý kiến</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Số ngày làm việc</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Ngày gửi</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Chưa gửi</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ trả lời</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Received late</source>
        <translation>Nhận quá hạn</translation>
    </message>
    <message>
        <source>Type a date as dd/mm/yyyy; leave it empty to clear it.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy; để trống để xóa ngày.</translation>
    </message>
</context>
<context>
    <name>ConsultationsWindow</name>
    <message>
        <source>Consultations and review clock — {code}</source>
        <translation>Lấy ý kiến và thời hạn giải quyết hồ sơ — {code}</translation>
    </message>
    <message>
        <source>Dossier filed on</source>
        <translation>Ngày nộp hồ sơ</translation>
    </message>
    <message>
        <source>Add body…</source>
        <translation>Thêm cơ quan…</translation>
    </message>
    <message>
        <source>Add the regime&apos;s bodies</source>
        <translation>Thêm các cơ quan theo quy định</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation>Lịch nghỉ lễ…</translation>
    </message>
    <message>
        <source>Red: no reply after the due date (or a late reply). Amber: due within 3 working days.</source>
        <translation>Đỏ: đã quá hạn mà chưa có ý kiến trả lời (hoặc trả lời quá hạn). Vàng: đến hạn trong vòng 3 ngày làm việc.</translation>
    </message>
    <message>
        <source>Review clock (working days)</source>
        <translation>Thời hạn giải quyết hồ sơ (ngày làm việc)</translation>
    </message>
    <message>
        <source>Review clock of {regime}: {steps} working days</source>
        <translation>Thời hạn giải quyết hồ sơ theo {regime}: {steps} ngày làm việc</translation>
    </message>
    <message>
        <source>The regime {regime} sets no review clock.</source>
        <translation>Chế độ pháp lý {regime} không quy định thời hạn giải quyết hồ sơ.</translation>
    </message>
    <message>
        <source>Enter the filing date to see the review clock.</source>
        <translation>Nhập ngày nộp hồ sơ để xem thời hạn giải quyết.</translation>
    </message>
    <message>
        <source>“{text}” is not a date (dd/mm/yyyy).</source>
        <translation>“{text}” không phải là ngày hợp lệ (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Add body</source>
        <translation>Thêm cơ quan</translation>
    </message>
    <message>
        <source>Ministry or body consulted:</source>
        <translation>Bộ, ngành hoặc cơ quan được lấy ý kiến:</translation>
    </message>
    <message>
        <source>The list already has every body the regime names.</source>
        <translation>Danh sách đã có đủ các cơ quan theo quy định của chế độ pháp lý.</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Land clearance dashboard — {code}</source>
        <translation>Bảng theo dõi giải phóng mặt bằng — {code}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Approved (VND)</source>
        <translation>Đã phê duyệt (đồng)</translation>
    </message>
    <message>
        <source>Paid (VND)</source>
        <translation>Đã chi trả (đồng)</translation>
    </message>
    <message>
        <source>To recover (m²)</source>
        <translation>Phải thu hồi (m²)</translation>
    </message>
    <message>
        <source>Handed over (m²)</source>
        <translation>Đã bàn giao (m²)</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>Đang đọc dữ liệu sổ…</translation>
    </message>
    <message>
        <source>(no ward)</source>
        <translation>(chưa có phường/xã)</translation>
    </message>
    <message>
        <source>Project total</source>
        <translation>Toàn dự án</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <source>That password was not accepted.</source>
        <translation>Mật khẩu vừa nhập không đúng.</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Mật khẩu máy chủ</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>no date</source>
        <translation>chưa có ngày</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit entry</source>
        <translation>Sửa mục danh mục</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Thêm mục danh mục</translation>
    </message>
    <message>
        <source>Checked against the current land law</source>
        <translation>Đã đối chiếu với Luật Đất đai hiện hành</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Nhóm đất:</translation>
    </message>
    <message>
        <source>Ward or commune:</source>
        <translation>Tên phường/xã:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>Đã xảy ra lỗi.</translation>
    </message>
    <message>
        <source>This section was changed elsewhere since you opened it.</source>
        <translation>Mục này đã được thay đổi ở nơi khác kể từ khi bạn mở.</translation>
    </message>
    <message>
        <source>The database is busy (another user or program is writing); try again.</source>
        <translation>Cơ sở dữ liệu đang bận (người dùng hoặc chương trình khác đang ghi dữ liệu); vui lòng thử lại.</translation>
    </message>
    <message>
        <source>The server {location} asks for the password of {user}.</source>
        <translation>Máy chủ {location} yêu cầu mật khẩu của {user}.</translation>
    </message>
    <message>
        <source>The database {location} was created by a newer version of the program (schema {revision}). Update the program before opening it.</source>
        <translation>Cơ sở dữ liệu {location} được tạo bởi phiên bản chương trình mới hơn (lược đồ {revision}). Vui lòng cập nhật chương trình trước khi mở cơ sở dữ liệu này.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is locked after too many wrong passwords; try again after {until}.</source>
        <translation>Tài khoản &apos;{username}&apos; đã bị khóa do nhập sai mật khẩu quá nhiều lần; hãy thử lại sau {until}.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; is disabled. Ask an administrator.</source>
        <translation>Tài khoản &apos;{username}&apos; đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Bạn không có quyền thực hiện thao tác này.</translation>
    </message>
    <message>
        <source>The file was not imported: {count} problem(s) found; nothing was written.</source>
        <translation>Tệp chưa được nhập: phát hiện {count} lỗi; chưa ghi dữ liệu nào.</translation>
    </message>
    <message>
        <source>A final export needs every required section approved; {count} are not: {sections}.</source>
        <translation>Chỉ được xuất bản chính thức khi mọi mục bắt buộc đã được phê duyệt; còn {count} mục chưa được phê duyệt: {sections}.</translation>
    </message>
    <message>
        <source>A final export needs a complete dossier; {count} items are missing: {sections}.</source>
        <translation>Chỉ xuất bản chính thức khi hồ sơ đã đầy đủ; còn thiếu {count} mục: {sections}.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was kept.</source>
        <translation>Đã hủy việc xuất hồ sơ; không lưu lại tệp nào.</translation>
    </message>
    <message>
        <source>The pages of {path} cannot be shown: {reason}</source>
        <translation>Không hiển thị được các trang của {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a submission package (no readable manifest.json).</source>
        <translation>{path} không phải là bộ hồ sơ trình (không đọc được tệp manifest.json).</translation>
    </message>
    <message>
        <source>The signing certificate {path} cannot be opened: the file is missing or damaged, or the passphrase is wrong. Nothing was exported.</source>
        <translation>Không mở được chứng thư số {path}: tệp không tồn tại hoặc bị hỏng, hoặc mật khẩu không đúng. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The token driver {path} cannot be loaded (missing, or not a PKCS#11 module). Nothing was exported.</source>
        <translation>Không nạp được trình điều khiển token {path} (không tồn tại, hoặc không phải mô-đun PKCS#11). Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>No token labelled &apos;{token}&apos; is plugged in (driver {path}). Nothing was exported.</source>
        <translation>Không thấy token có nhãn &apos;{token}&apos; được cắm vào máy (trình điều khiển {path}). Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The token &apos;{token}&apos; refused the PIN (wrong PIN, or the token is locked). Nothing was exported.</source>
        <translation>Token &apos;{token}&apos; từ chối mã PIN (sai mã PIN, hoặc token đã bị khóa). Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The token &apos;{token}&apos; holds no signing key labelled &apos;{key}&apos; with its certificate. Nothing was exported.</source>
        <translation>Token &apos;{token}&apos; không có khóa ký số nhãn &apos;{key}&apos; kèm chứng thư số của nó. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>{path} could not be signed; nothing was exported.</source>
        <translation>Không ký số được {path}; chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The account &apos;{username}&apos; was disabled by an administrator; it can no longer sign in, even offline.</source>
        <translation>Tài khoản &apos;{username}&apos; đã bị quản trị viên vô hiệu hóa; không thể đăng nhập nữa, kể cả khi ngoại tuyến.</translation>
    </message>
    <message>
        <source>This desktop is a replica of the department server: {action} on the server, not here.</source>
        <translation>Máy này là bản sao dữ liệu của máy chủ của Sở: {action} trên máy chủ, không phải tại đây.</translation>
    </message>
    <message>
        <source>The server&apos;s library moved on (version {version}, the push was based on {based_on}); pull, merge and push again.</source>
        <translation>Thư viện trên máy chủ đã thay đổi (phiên bản {version}, lần gửi dựa trên phiên bản {based_on}); hãy nhận về, hợp nhất rồi gửi lại.</translation>
    </message>
    <message>
        <source>The server {server} now holds library {presented}, but this copy was made from library {pinned}: the server was restored from a backup or is another database. Nothing was pulled or pushed. Keep your local changes: make a backup of this copy (File › Backups, or the backup command), take out the sections you changed (section get), then sync a new empty copy and save your texts into it (section put).</source>
        <translation>Máy chủ {server} nay giữ thư viện {presented}, nhưng bản sao này được lấy từ thư viện {pinned}: máy chủ đã được khôi phục từ một bản sao lưu hoặc là một cơ sở dữ liệu khác. Chưa nhận hay gửi gì. Hãy giữ các thay đổi trên máy này: sao lưu bản sao này (Tệp › Sao lưu dữ liệu, hoặc lệnh backup), lấy ra các mục đã sửa (section get), rồi đồng bộ một bản sao mới còn trống và lưu lại các nội dung đó vào (section put).</translation>
    </message>
    <message>
        <source>Regime file: &apos;{field}&apos; is missing or empty at {where}.</source>
        <translation>Tệp chế độ pháp lý: trường &apos;{field}&apos; bị thiếu hoặc để trống tại {where}.</translation>
    </message>
    <message>
        <source>Regime file: the key &apos;{key}&apos; is used twice.</source>
        <translation>Tệp chế độ pháp lý: khóa &apos;{key}&apos; được dùng hai lần.</translation>
    </message>
    <message>
        <source>Cannot read the file {name}: it is not a readable file.</source>
        <translation>Không đọc được tệp {name}: đây không phải là tệp có thể đọc được.</translation>
    </message>
    <message>
        <source>The section no longer exists.</source>
        <translation>Mục này không còn tồn tại.</translation>
    </message>
    <message>
        <source>The file of attachment &apos;{name}&apos; has not reached the server yet.</source>
        <translation>Nội dung tệp đính kèm &apos;{name}&apos; chưa được gửi lên máy chủ.</translation>
    </message>
    <message>
        <source>That attachment no longer exists.</source>
        <translation>Tệp đính kèm này không còn tồn tại.</translation>
    </message>
    <message>
        <source>The file of attachment &apos;{name}&apos; is missing from {location}.</source>
        <translation>Không tìm thấy tệp của tài liệu đính kèm &apos;{name}&apos; trong thư mục {location}.</translation>
    </message>
    <message>
        <source>The regime asks for no attachment &apos;{kind}&apos;.</source>
        <translation>Chế độ pháp lý không yêu cầu tài liệu kèm theo &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>The file {name} is {size} MB; attachments may be at most {limit} MB. Nothing was added.</source>
        <translation>Tệp {name} có dung lượng {size} MB; tệp đính kèm không được vượt quá {limit} MB. Chưa thêm tệp nào.</translation>
    </message>
    <message>
        <source>Unknown legal regime &apos;{key}&apos;.</source>
        <translation>Không xác định được chế độ pháp lý &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The section title is empty.</source>
        <translation>Tiêu đề mục đang để trống.</translation>
    </message>
    <message>
        <source>The section title is longer than {limit} characters.</source>
        <translation>Tiêu đề mục dài quá {limit} ký tự.</translation>
    </message>
    <message>
        <source>The project has no section &apos;{key}&apos;.</source>
        <translation>Dự án không có mục &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>That revision does not exist.</source>
        <translation>Phiên bản này không tồn tại.</translation>
    </message>
    <message>
        <source>The section text is {size} MB; a section may hold at most {limit} MB. Split it into sub-sections or attach the material as a file. Nothing was saved.</source>
        <translation>Nội dung mục có dung lượng {size} MB; mỗi mục không được vượt quá {limit} MB. Hãy tách thành các mục con hoặc đính kèm tài liệu dưới dạng tệp. Chưa lưu nội dung nào.</translation>
    </message>
    <message>
        <source>The document no longer exists.</source>
        <translation>Văn bản này không còn tồn tại.</translation>
    </message>
    <message>
        <source>The parent section belongs to another document.</source>
        <translation>Mục cha thuộc một văn bản khác.</translation>
    </message>
    <message>
        <source>The section cannot move further.</source>
        <translation>Không thể di chuyển mục thêm nữa.</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; is required by the legal outline and cannot be deleted.</source>
        <translation>Mục &apos;{title}&apos; là bắt buộc theo đề cương quy định của pháp luật nên không thể xóa.</translation>
    </message>
    <message>
        <source>The area &apos;{value}&apos; is not a number of hectares.</source>
        <translation>Diện tích &apos;{value}&apos; không phải là số héc-ta hợp lệ.</translation>
    </message>
    <message>
        <source>The amount &apos;{value}&apos; is not a whole number of đồng.</source>
        <translation>Số tiền &apos;{value}&apos; phải là số nguyên (đơn vị: đồng).</translation>
    </message>
    <message>
        <source>The project code &apos;{value}&apos; must be 1 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Mã dự án &apos;{value}&apos; phải dài từ 1 đến 32 ký tự, chỉ gồm chữ cái, chữ số, dấu chấm, dấu gạch ngang hoặc dấu gạch dưới.</translation>
    </message>
    <message>
        <source>The project name is empty.</source>
        <translation>Tên dự án đang để trống.</translation>
    </message>
    <message>
        <source>The area cannot be negative ({value} ha).</source>
        <translation>Diện tích không được là số âm ({value} ha).</translation>
    </message>
    <message>
        <source>The total investment cannot be negative.</source>
        <translation>Tổng vốn đầu tư không được là số âm.</translation>
    </message>
    <message>
        <source>Unknown legal regime &apos;{value}&apos;.</source>
        <translation>Không xác định được chế độ pháp lý &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The regime {value} does not apply to this kind of park.</source>
        <translation>Chế độ pháp lý {value} không áp dụng cho loại khu này.</translation>
    </message>
    <message>
        <source>The kind of park of an existing project cannot be changed.</source>
        <translation>Không thể thay đổi loại khu của dự án đã tạo.</translation>
    </message>
    <message>
        <source>Unknown export format &apos;{value}&apos; (use docx, pdf).</source>
        <translation>Định dạng xuất &apos;{value}&apos; không hợp lệ (dùng docx, pdf).</translation>
    </message>
    <message>
        <source>Choose at least one document to export.</source>
        <translation>Hãy chọn ít nhất một văn bản để xuất.</translation>
    </message>
    <message>
        <source>There is no project with the code &apos;{code}&apos;.</source>
        <translation>Không có dự án nào mang mã &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>The number {number}/{symbol} changed while the package was written; export again.</source>
        <translation>Số văn bản {number}/{symbol} đã thay đổi trong khi đang ghi bộ hồ sơ; hãy xuất lại.</translation>
    </message>
    <message>
        <source>A document number must be between 1 and {maximum}.</source>
        <translation>Số văn bản phải từ 1 đến {maximum}.</translation>
    </message>
    <message>
        <source>Unknown document symbol &apos;{value}&apos; (use {symbols}).</source>
        <translation>Ký hiệu văn bản &apos;{value}&apos; không hợp lệ (dùng {symbols}).</translation>
    </message>
    <message>
        <source>The name of the body consulted is empty.</source>
        <translation>Tên cơ quan được lấy ý kiến đang để trống.</translation>
    </message>
    <message>
        <source>The reply time must be 0 to 365 working days, not {value}.</source>
        <translation>Thời hạn trả lời phải từ 0 đến 365 ngày làm việc (giá trị đã nhập: {value}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number zero or above.</source>
        <translation>&apos;{value}&apos; không phải là số lớn hơn hoặc bằng 0.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number of people.</source>
        <translation>&apos;{value}&apos; không phải là số người (số nguyên).</translation>
    </message>
    <message>
        <source>A percentage must be between 0 and 100.</source>
        <translation>Tỷ lệ phần trăm phải từ 0 đến 100.</translation>
    </message>
    <message>
        <source>A figure cannot be negative.</source>
        <translation>Số liệu không được là số âm.</translation>
    </message>
    <message>
        <source>The IT workers cannot outnumber the whole workforce.</source>
        <translation>Số lao động công nghệ thông tin không được lớn hơn tổng số lao động.</translation>
    </message>
    <message>
        <source>The core functional zone cannot be larger than the construction land.</source>
        <translation>Diện tích khu chức năng chính không được lớn hơn diện tích đất xây dựng.</translation>
    </message>
    <message>
        <source>The project no longer exists.</source>
        <translation>Dự án này không còn tồn tại.</translation>
    </message>
    <message>
        <source>The regime has no condition &apos;{key}&apos;.</source>
        <translation>Chế độ pháp lý không có điều kiện &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The condition&apos;s assessment no longer exists.</source>
        <translation>Bản đánh giá điều kiện này không còn nữa.</translation>
    </message>
    <message>
        <source>The evidence {kind} {id} is not part of this project.</source>
        <translation>Tài liệu chứng minh {kind} {id} không thuộc dự án này.</translation>
    </message>
    <message>
        <source>This consultation no longer exists.</source>
        <translation>Cơ quan được lấy ý kiến này không còn trong danh sách.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is already in the list of bodies consulted.</source>
        <translation>&apos;{name}&apos; đã có trong danh sách cơ quan được lấy ý kiến.</translation>
    </message>
    <message>
        <source>A reply date needs the date the request was sent.</source>
        <translation>Phải có ngày gửi văn bản xin ý kiến thì mới ghi được ngày nhận trả lời.</translation>
    </message>
    <message>
        <source>The reply ({received}) cannot come before the request ({sent}).</source>
        <translation>Ngày nhận trả lời ({received}) không được sớm hơn ngày gửi văn bản xin ý kiến ({sent}).</translation>
    </message>
    <message>
        <source>A project with the code &apos;{code}&apos; already exists.</source>
        <translation>Đã có dự án mang mã &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>The database {location} is not a file that can be copied.</source>
        <translation>Cơ sở dữ liệu {location} không phải là một tệp có thể sao chép.</translation>
    </message>
    <message>
        <source>Cannot write the backup {location}: {reason}</source>
        <translation>Không ghi được bản sao lưu {location}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write the database {location}: {reason}</source>
        <translation>Không ghi được cơ sở dữ liệu {location}: {reason}</translation>
    </message>
    <message>
        <source>The backup {name} does not exist or is not a file.</source>
        <translation>Bản sao lưu {name} không tồn tại hoặc không phải là tệp.</translation>
    </message>
    <message>
        <source>Cannot read the backup {name}: {reason}</source>
        <translation>Không đọc được bản sao lưu {name}: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a database backup (not a SQLite file); nothing was changed.</source>
        <translation>{name} không phải là bản sao lưu cơ sở dữ liệu (không phải tệp SQLite); dữ liệu không bị thay đổi.</translation>
    </message>
    <message>
        <source>The backup {name} is damaged ({reason}); nothing was changed.</source>
        <translation>Bản sao lưu {name} bị hỏng ({reason}); dữ liệu không bị thay đổi.</translation>
    </message>
    <message>
        <source>Cannot open the database {location}: {reason}</source>
        <translation>Không mở được cơ sở dữ liệu {location}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write to the attachment folder {location}: {reason}</source>
        <translation>Không ghi được vào thư mục tệp đính kèm {location}: {reason}</translation>
    </message>
    <message>
        <source>Cannot read the file {name}: {reason}</source>
        <translation>Không đọc được tệp {name}: {reason}</translation>
    </message>
    <message>
        <source>No demo text for project {code}.</source>
        <translation>Không có nội dung mẫu cho dự án {code}.</translation>
    </message>
    <message>
        <source>You are not allowed to {action}.</source>
        <translation>Bạn không có quyền {action}.</translation>
    </message>
    <message>
        <source>A section that is {state} cannot be {action}.</source>
        <translation>Mục đang ở trạng thái {state} thì không thể chuyển sang {action}.</translation>
    </message>
    <message>
        <source>You wrote this revision; another manager must approve it.</source>
        <translation>Bạn là người viết phiên bản này; cần một lãnh đạo khác phê duyệt.</translation>
    </message>
    <message>
        <source>Say what should change: the comment is empty.</source>
        <translation>Hãy ghi rõ cần sửa gì: ý kiến đang để trống.</translation>
    </message>
    <message>
        <source>The section &apos;{title}&apos; has no text yet; write it before submitting it.</source>
        <translation>Mục &apos;{title}&apos; chưa có nội dung; hãy soạn trước khi trình duyệt.</translation>
    </message>
    <message>
        <source>The section was changed after you opened it for review; look at the new text before approving.</source>
        <translation>Mục đã được sửa sau khi bạn mở để xem xét; hãy xem nội dung mới trước khi phê duyệt.</translation>
    </message>
    <message>
        <source>The comment is empty; write something first.</source>
        <translation>Ý kiến đang để trống; hãy viết nội dung trước.</translation>
    </message>
    <message>
        <source>see the sections waiting for approval</source>
        <translation>xem các mục đang chờ phê duyệt</translation>
    </message>
    <message>
        <source>see the sections returned for changes</source>
        <translation>xem các mục bị trả lại để chỉnh sửa</translation>
    </message>
    <message>
        <source>see the fully approved documents</source>
        <translation>xem các văn bản đã được phê duyệt đầy đủ</translation>
    </message>
    <message>
        <source>edit sections</source>
        <translation>sửa nội dung các mục</translation>
    </message>
    <message>
        <source>submit sections for review</source>
        <translation>trình duyệt các mục</translation>
    </message>
    <message>
        <source>approve sections</source>
        <translation>phê duyệt các mục</translation>
    </message>
    <message>
        <source>return sections for changes</source>
        <translation>trả lại các mục để chỉnh sửa</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>góp ý</translation>
    </message>
    <message>
        <source>change the outline of a document</source>
        <translation>thay đổi đề cương của văn bản</translation>
    </message>
    <message>
        <source>edit projects</source>
        <translation>sửa thông tin dự án</translation>
    </message>
    <message>
        <source>export the submission package</source>
        <translation>xuất bộ hồ sơ trình</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>quản lý tài khoản</translation>
    </message>
    <message>
        <source>record ministry consultations</source>
        <translation>cập nhật việc lấy ý kiến bộ, ngành</translation>
    </message>
    <message>
        <source>edit the holiday calendar</source>
        <translation>sửa lịch nghỉ lễ</translation>
    </message>
    <message>
        <source>edit the milestone plan</source>
        <translation>sửa kế hoạch tiến độ</translation>
    </message>
    <message>
        <source>restore the database from a backup</source>
        <translation>khôi phục cơ sở dữ liệu từ bản sao lưu</translation>
    </message>
    <message>
        <source>back up the whole server database</source>
        <translation>sao lưu toàn bộ cơ sở dữ liệu máy chủ</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>đã trình duyệt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã phê duyệt</translation>
    </message>
    <message>
        <source>returned for changes</source>
        <translation>bị trả lại để chỉnh sửa</translation>
    </message>
    <message>
        <source>You can see only the sections returned to you.</source>
        <translation>Bạn chỉ xem được các mục được trả lại cho chính mình.</translation>
    </message>
    <message>
        <source>A password is never taken from the command line, where the process list and the shell history show it: set DOSSIER_PASSWORD or type it at the prompt.</source>
        <translation>Không nhận mật khẩu trên dòng lệnh vì danh sách tiến trình và lịch sử lệnh sẽ lộ nó: hãy đặt biến DOSSIER_PASSWORD hoặc gõ mật khẩu khi được hỏi.</translation>
    </message>
    <message>
        <source>No password given: set DOSSIER_PASSWORD, or run the command in a terminal to be asked.</source>
        <translation>Chưa có mật khẩu: hãy đặt biến DOSSIER_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi.</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Hai lần nhập mật khẩu không khớp; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <source>No passphrase for the signing certificate: set DOSSIER_P12_PASSWORD, or run the command in a terminal to be asked.</source>
        <translation>Chưa có mật khẩu của chứng thư số: hãy đặt biến DOSSIER_P12_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi mật khẩu.</translation>
    </message>
    <message>
        <source>--from-organ and --to-organ name the agencies of an edXML message: add --edxml.</source>
        <translation>--from-organ và --to-organ chỉ định cơ quan gửi, nhận của gói tin edXML: hãy thêm --edxml.</translation>
    </message>
    <message>
        <source>Sign with a .p12 file (--sign) or a USB token (--sign-pkcs11), not both.</source>
        <translation>Hãy ký bằng tệp .p12 (--sign) hoặc bằng USB token (--sign-pkcs11), không dùng cả hai.</translation>
    </message>
    <message>
        <source>Signing with a USB token needs --token-label and --key-label.</source>
        <translation>Ký số bằng USB token cần có --token-label và --key-label.</translation>
    </message>
    <message>
        <source>No PIN for the USB token: set DOSSIER_PKCS11_PIN, or run the command in a terminal to be asked.</source>
        <translation>Chưa có mã PIN của USB token: hãy đặt biến DOSSIER_PKCS11_PIN, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi mã PIN.</translation>
    </message>
    <message>
        <source>Restoring replaces the whole database: confirm at a terminal or add --yes.</source>
        <translation>Việc khôi phục sẽ thay thế toàn bộ cơ sở dữ liệu: hãy xác nhận trong cửa sổ dòng lệnh hoặc thêm tùy chọn --yes.</translation>
    </message>
    <message>
        <source>Only an administrator can load the demo into a database that has accounts.</source>
        <translation>Chỉ quản trị viên mới được nạp dữ liệu mẫu vào cơ sở dữ liệu đã có tài khoản.</translation>
    </message>
    <message>
        <source>The user name &apos;{value}&apos; must be 1 to 64 letters (a–z, without accents), digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>Tên đăng nhập &apos;{value}&apos; phải gồm 1 đến 64 chữ cái (a–z, không dấu), chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái hoặc chữ số.</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>Mật khẩu phải có ít nhất {minimum} ký tự.</translation>
    </message>
    <message>
        <source>The password must have at most {maximum} characters.</source>
        <translation>Mật khẩu chỉ được có tối đa {maximum} ký tự.</translation>
    </message>
    <message>
        <source>The display name is longer than {limit} characters.</source>
        <translation>Họ tên hiển thị dài quá {limit} ký tự.</translation>
    </message>
    <message>
        <source>Unknown role &apos;{value}&apos;: use officer, manager, clerk or admin.</source>
        <translation>Vai trò &apos;{value}&apos; không hợp lệ: dùng officer, manager, clerk hoặc admin.</translation>
    </message>
    <message>
        <source>An account needs at least one role.</source>
        <translation>Tài khoản phải có ít nhất một vai trò.</translation>
    </message>
    <message>
        <source>The first administrator has already been created.</source>
        <translation>Quản trị viên đầu tiên đã được tạo trước đó.</translation>
    </message>
    <message>
        <source>An account named &apos;{username}&apos; already exists.</source>
        <translation>Đã có tài khoản tên &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts; &apos;{operator}&apos; is not one.</source>
        <translation>Chỉ quản trị viên mới được quản lý tài khoản; &apos;{operator}&apos; không phải quản trị viên.</translation>
    </message>
    <message>
        <source>&apos;{username}&apos; is the last active administrator; add another administrator first.</source>
        <translation>&apos;{username}&apos; là quản trị viên cuối cùng còn hoạt động; hãy thêm một quản trị viên khác trước.</translation>
    </message>
    <message>
        <source>There is no account named &apos;{username}&apos;.</source>
        <translation>Không có tài khoản tên &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>That comment no longer exists.</source>
        <translation>Ý kiến này không còn nữa.</translation>
    </message>
    <message>
        <source>Say which body made the comment.</source>
        <translation>Hãy ghi rõ cơ quan có ý kiến.</translation>
    </message>
    <message>
        <source>The source is longer than {limit} characters.</source>
        <translation>Tên cơ quan góp ý dài quá {limit} ký tự.</translation>
    </message>
    <message>
        <source>The comment text is empty.</source>
        <translation>Nội dung ý kiến đang để trống.</translation>
    </message>
    <message>
        <source>An accepted, explained or refused comment needs the city&apos;s answer.</source>
        <translation>Ý kiến đã tiếp thu, giải trình hoặc không tiếp thu phải có nội dung tiếp thu, giải trình của Thành phố.</translation>
    </message>
    <message>
        <source>The linked section is not part of this project.</source>
        <translation>Mục được liên kết không thuộc dự án này.</translation>
    </message>
    <message>
        <source>The resolving revision must be a revision of the linked section.</source>
        <translation>Phiên bản xử lý ý kiến phải là một phiên bản của mục được liên kết.</translation>
    </message>
    <message>
        <source>You can see only your own work queues.</source>
        <translation>Bạn chỉ xem được việc cần xử lý của chính mình.</translation>
    </message>
    <message>
        <source>Milestone template: &apos;{field}&apos; is missing or empty at {where}.</source>
        <translation>Mẫu mốc tiến độ: thiếu hoặc để trống &apos;{field}&apos; tại {where}.</translation>
    </message>
    <message>
        <source>Milestone template: &apos;{field}&apos; at {where} must be a whole number, zero or more.</source>
        <translation>Mẫu mốc tiến độ: &apos;{field}&apos; tại {where} phải là số nguyên từ 0 trở lên.</translation>
    </message>
    <message>
        <source>Milestone template: &apos;{value}&apos; is not a valid &apos;{field}&apos; at {where}; use {allowed}.</source>
        <translation>Mẫu mốc tiến độ: &apos;{value}&apos; không phải giá trị hợp lệ của &apos;{field}&apos; tại {where}; dùng {allowed}.</translation>
    </message>
    <message>
        <source>Milestone template: each entry of &apos;{field}&apos; at {where} must be a mapping.</source>
        <translation>Mẫu mốc tiến độ: mỗi mục của &apos;{field}&apos; tại {where} phải là một bảng khóa – giá trị.</translation>
    </message>
    <message>
        <source>Milestone template: the key &apos;{key}&apos; is used twice.</source>
        <translation>Mẫu mốc tiến độ: khóa &apos;{key}&apos; bị dùng hai lần.</translation>
    </message>
    <message>
        <source>Milestone template: &apos;{field}&apos; at {where} needs a value for {allowed}.</source>
        <translation>Mẫu mốc tiến độ: &apos;{field}&apos; tại {where} cần có giá trị cho {allowed}.</translation>
    </message>
    <message>
        <source>Milestone template: the rule {where} needs either &apos;days&apos; or &apos;months&apos; (months only for within_days_after).</source>
        <translation>Mẫu mốc tiến độ: quy tắc {where} cần có &apos;days&apos; hoặc &apos;months&apos; (chỉ dùng &apos;months&apos; với within_days_after).</translation>
    </message>
    <message>
        <source>Milestone template: &apos;after&apos; at {where} must name an earlier rule of the same step (duration_days only).</source>
        <translation>Mẫu mốc tiến độ: &apos;after&apos; tại {where} phải chỉ tới một quy tắc trước đó của cùng bước (chỉ với duration_days).</translation>
    </message>
    <message>
        <source>Milestone template: &apos;{field}&apos; at {where} must be true or false.</source>
        <translation>Mẫu mốc tiến độ: &apos;{field}&apos; tại {where} phải là true hoặc false.</translation>
    </message>
    <message>
        <source>Milestone template: the file is not a mapping of fields.</source>
        <translation>Mẫu mốc tiến độ: tệp không phải là bảng các trường.</translation>
    </message>
    <message>
        <source>Milestone template: &apos;{field}&apos; of the rule {where} names the unknown step &apos;{value}&apos;.</source>
        <translation>Mẫu mốc tiến độ: &apos;{field}&apos; của quy tắc {where} chỉ tới bước không tồn tại &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The planned end of step {key} is before its planned start.</source>
        <translation>Ngày kết thúc kế hoạch của bước {key} sớm hơn ngày bắt đầu kế hoạch.</translation>
    </message>
    <message>
        <source>The actual end of step {key} is before its actual start.</source>
        <translation>Ngày kết thúc thực tế của bước {key} sớm hơn ngày bắt đầu thực tế.</translation>
    </message>
    <message>
        <source>The percent complete of step {key} must be between 0 and 100.</source>
        <translation>Tỷ lệ hoàn thành của bước {key} phải từ 0 đến 100.</translation>
    </message>
    <message>
        <source>Step {key} is marked done but has no actual end date.</source>
        <translation>Bước {key} được đánh dấu hoàn thành nhưng chưa có ngày kết thúc thực tế.</translation>
    </message>
    <message>
        <source>The at-risk window must be zero days or more.</source>
        <translation>Khoảng cảnh báo sắp đến hạn phải từ 0 ngày trở lên.</translation>
    </message>
    <message>
        <source>A baseline needs a name.</source>
        <translation>Kế hoạch gốc cần có tên.</translation>
    </message>
    <message>
        <source>Cannot compute a percent from {done} done out of {total}: the counts do not fit.</source>
        <translation>Không tính được tỷ lệ từ {done} trên {total}: các số đếm không hợp lệ.</translation>
    </message>
    <message>
        <source>A citizen ID (CCCD) has exactly 12 digits.</source>
        <translation>Số CCCD phải có đúng 12 chữ số.</translation>
    </message>
    <message>
        <source>The map sheet number is empty.</source>
        <translation>Chưa có số tờ bản đồ.</translation>
    </message>
    <message>
        <source>The parcel number is empty.</source>
        <translation>Chưa có số thửa.</translation>
    </message>
    <message>
        <source>Unknown land-use code.</source>
        <translation>Mã loại đất không có trong danh mục.</translation>
    </message>
    <message>
        <source>An area cannot be negative.</source>
        <translation>Diện tích không được âm.</translation>
    </message>
    <message>
        <source>The recovered area is larger than the parcel&apos;s total area.</source>
        <translation>Diện tích thu hồi lớn hơn tổng diện tích thửa đất.</translation>
    </message>
    <message>
        <source>Unknown asset kind.</source>
        <translation>Loại tài sản không hợp lệ.</translation>
    </message>
    <message>
        <source>An amount or quantity cannot be negative.</source>
        <translation>Số tiền hoặc số lượng không được âm.</translation>
    </message>
    <message>
        <source>The compensation kind is empty.</source>
        <translation>Chưa có loại khoản bồi thường, hỗ trợ.</translation>
    </message>
    <message>
        <source>This step date is earlier than the date of an earlier step.</source>
        <translation>Ngày của bước này sớm hơn ngày của bước trước.</translation>
    </message>
    <message>
        <source>Enforcement must come after the plan&apos;s approval and not before the hand-over.</source>
        <translation>Cưỡng chế phải sau khi phương án được phê duyệt và không trước ngày bàn giao mặt bằng.</translation>
    </message>
    <message>
        <source>The party code is empty.</source>
        <translation>Chưa có mã hộ.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Chưa có tên.</translation>
    </message>
    <message>
        <source>The kind must be a household or an organisation.</source>
        <translation>Loại đối tượng phải là hộ gia đình hoặc tổ chức.</translation>
    </message>
    <message>
        <source>A tax code has 10 digits, or 10-3 digits.</source>
        <translation>Mã số thuế gồm 10 chữ số, hoặc 10-3 chữ số.</translation>
    </message>
    <message>
        <source>A count cannot be negative.</source>
        <translation>Số lượng không được âm.</translation>
    </message>
    <message>
        <source>The party lists this parcel twice.</source>
        <translation>Thửa đất này bị kê khai hai lần cho cùng một hộ.</translation>
    </message>
    <message>
        <source>Unknown step &apos;{value}&apos;.</source>
        <translation>Bước &apos;{value}&apos; không tồn tại.</translation>
    </message>
    <message>
        <source>The party code &apos;{code}&apos; is already used in this project.</source>
        <translation>Mã hộ &apos;{code}&apos; đã được dùng trong dự án này.</translation>
    </message>
    <message>
        <source>The citizen ID {value} is already registered in this project.</source>
        <translation>Số CCCD {value} đã có trong sổ của dự án này.</translation>
    </message>
    <message>
        <source>Parcel {parcel} of map sheet {sheet} is co-used with another party that gives other areas or another land-use code.</source>
        <translation>Thửa số {parcel} tờ bản đồ số {sheet} là thửa đất đồng sử dụng với một hộ khác nhưng có diện tích hoặc mã loại đất khác.</translation>
    </message>
    <message>
        <source>Parcel {parcel} of map sheet {sheet} is already registered in this project; if the parties share it, mark both listings as co-used.</source>
        <translation>Thửa số {parcel} tờ bản đồ số {sheet} đã có trong sổ của dự án này; nếu các hộ cùng sử dụng thửa đất, hãy đánh dấu đồng sử dụng ở cả hai hộ.</translation>
    </message>
    <message>
        <source>Unknown sort column &apos;{value}&apos;.</source>
        <translation>Không có cột sắp xếp &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The affected party no longer exists.</source>
        <translation>Hộ bị ảnh hưởng này không còn nữa.</translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation>Không phải số nguyên.</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Không phải là số.</translation>
    </message>
    <message>
        <source>Not a date (use dd/mm/yyyy).</source>
        <translation>Không phải ngày (dùng dạng dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Not yes or no (có/không).</source>
        <translation>Không phải có hoặc không (có/không).</translation>
    </message>
    <message>
        <source>Not a kind of party (hộ gia đình/tổ chức).</source>
        <translation>Không phải loại đối tượng (hộ gia đình/tổ chức).</translation>
    </message>
    <message>
        <source>A value is required here.</source>
        <translation>Ô này bắt buộc phải có giá trị.</translation>
    </message>
    <message>
        <source>Unknown column header.</source>
        <translation>Tiêu đề cột không hợp lệ.</translation>
    </message>
    <message>
        <source>The column appears twice.</source>
        <translation>Cột này xuất hiện hai lần.</translation>
    </message>
    <message>
        <source>A required column is missing.</source>
        <translation>Thiếu một cột bắt buộc.</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>Tệp không có dòng dữ liệu nào.</translation>
    </message>
    <message>
        <source>The sheet of parties is missing.</source>
        <translation>Thiếu trang danh sách hộ bị ảnh hưởng.</translation>
    </message>
    <message>
        <source>No party with this code in the sheet of parties.</source>
        <translation>Không có hộ mang mã này trong trang danh sách hộ.</translation>
    </message>
    <message>
        <source>The party code is already used in this project.</source>
        <translation>Mã hộ đã được dùng trong dự án này.</translation>
    </message>
    <message>
        <source>The citizen ID is already registered in this project.</source>
        <translation>Số CCCD đã có trong sổ của dự án này.</translation>
    </message>
    <message>
        <source>The parcel is already registered in this project; if the parties share it, mark both listings as co-used.</source>
        <translation>Thửa đất đã có trong sổ của dự án này; nếu các hộ cùng sử dụng thửa đất, hãy đánh dấu đồng sử dụng ở cả hai hộ.</translation>
    </message>
    <message>
        <source>The parcel is co-used with a party of this project that gives other areas or another land-use code.</source>
        <translation>Thửa đất đồng sử dụng với một hộ trong dự án này nhưng có diện tích hoặc mã loại đất khác.</translation>
    </message>
    <message>
        <source>Co-users of one parcel must give the same areas and land-use code (first on row {other_row}).</source>
        <translation>Các hộ đồng sử dụng một thửa đất phải có cùng diện tích và mã loại đất (lần đầu ở dòng {other_row}).</translation>
    </message>
    <message>
        <source>The parcel (ward, map sheet and parcel number) is listed twice in the file (first on row {other_row}); if the parties share it, mark both rows as co-used.</source>
        <translation>Thửa đất (phường/xã, tờ bản đồ số và thửa số) bị kê hai lần trong tệp (lần đầu ở dòng {other_row}); nếu các hộ cùng sử dụng thửa đất, hãy đánh dấu đồng sử dụng ở cả hai dòng.</translation>
    </message>
    <message>
        <source>The party code is used twice in the file (first on row {other_row}).</source>
        <translation>Mã hộ bị dùng hai lần trong tệp (lần đầu ở dòng {other_row}).</translation>
    </message>
    <message>
        <source>The citizen ID is used twice in the file (first on row {other_row}).</source>
        <translation>Số CCCD bị dùng hai lần trong tệp (lần đầu ở dòng {other_row}).</translation>
    </message>
    <message>
        <source>No milestone template &apos;{key}&apos;.</source>
        <translation>Không có mẫu mốc tiến độ &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The sheet has too many rows for one import; split the file.</source>
        <translation>Trang tính có quá nhiều dòng cho một lần nhập; hãy chia nhỏ tệp.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Tệp trống.</translation>
    </message>
    <message>
        <source>Only .xlsx, .xlsm, .xls, .ods and .csv files can be imported.</source>
        <translation>Chỉ nhập được tệp .xlsx, .xlsm, .xls, .ods và .csv.</translation>
    </message>
    <message>
        <source>The file is not in UTF-8, UTF-16 or Windows-1258 encoding.</source>
        <translation>Tệp không dùng bảng mã UTF-8, UTF-16 hoặc Windows-1258.</translation>
    </message>
    <message>
        <source>The file holds binary data or text in an unknown encoding; save it as CSV UTF-8.</source>
        <translation>Tệp chứa dữ liệu nhị phân hoặc văn bản có bảng mã không xác định; hãy lưu tệp dưới dạng CSV UTF-8.</translation>
    </message>
    <message>
        <source>The file is not an OpenDocument spreadsheet (.ods).</source>
        <translation>Tệp không phải bảng tính OpenDocument (.ods).</translation>
    </message>
    <message>
        <source>The file is not an Excel 97–2003 workbook (.xls).</source>
        <translation>Tệp không phải sổ tính Excel 97–2003 (.xls).</translation>
    </message>
    <message>
        <source>The file is not an Excel workbook (.xlsx).</source>
        <translation>Tệp không phải sổ tính Excel (.xlsx).</translation>
    </message>
    <message>
        <source>Merged cells are not accepted; unmerge them.</source>
        <translation>Không chấp nhận ô đã gộp; hãy tách các ô.</translation>
    </message>
    <message>
        <source>Formulas are not accepted; paste the values instead.</source>
        <translation>Không chấp nhận công thức; hãy dán giá trị thay cho công thức.</translation>
    </message>
    <message>
        <source>The cell holds a spreadsheet error.</source>
        <translation>Ô chứa lỗi của bảng tính.</translation>
    </message>
    <message>
        <source>Land-use code &apos;{value}&apos; must be 2 to 10 capital letters or digits, starting with a letter.</source>
        <translation>Mã loại đất &apos;{value}&apos; phải gồm từ 2 đến 10 chữ cái in hoa hoặc chữ số, bắt đầu bằng chữ cái.</translation>
    </message>
    <message>
        <source>The name of land-use code {code} must have 1 to {limit} characters.</source>
        <translation>Tên của mã loại đất {code} phải có từ 1 đến {limit} ký tự.</translation>
    </message>
    <message>
        <source>Unknown land-use group &apos;{value}&apos;.</source>
        <translation>Không xác định được nhóm đất &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A ward name must have 1 to {limit} characters.</source>
        <translation>Tên phường/xã phải có từ 1 đến {limit} ký tự.</translation>
    </message>
    <message>
        <source>Regime file: &apos;{field}&apos; must be a whole number of at least {minimum} at {where}.</source>
        <translation>Tệp chế độ pháp lý: trường &apos;{field}&apos; tại {where} phải là số nguyên không nhỏ hơn {minimum}.</translation>
    </message>
    <message>
        <source>Regime file: &apos;{field}&apos; must be a number at {where}.</source>
        <translation>Tệp chế độ pháp lý: trường &apos;{field}&apos; tại {where} phải là một số.</translation>
    </message>
    <message>
        <source>Regime file: more originals than sets at {where}.</source>
        <translation>Tệp chế độ pháp lý: số bản chính nhiều hơn số bộ hồ sơ tại {where}.</translation>
    </message>
    <message>
        <source>Regime file: unknown comparison &apos;{value}&apos; at {where}.</source>
        <translation>Tệp chế độ pháp lý: phép so sánh &apos;{value}&apos; tại {where} không hợp lệ.</translation>
    </message>
    <message>
        <source>Regime file: &apos;{value}&apos; is not a step of the review clock ({where}).</source>
        <translation>Tệp chế độ pháp lý: &apos;{value}&apos; không phải là một bước trong thời hạn giải quyết hồ sơ ({where}).</translation>
    </message>
    <message>
        <source>Regime file: &apos;{value}&apos; is not a section of the outline ({where}).</source>
        <translation>Tệp chế độ pháp lý: &apos;{value}&apos; không phải là một mục của đề cương ({where}).</translation>
    </message>
    <message>
        <source>Regime file: &apos;{value}&apos; is not a criterion of the regime ({where}).</source>
        <translation>Tệp chế độ pháp lý: &apos;{value}&apos; không phải là một tiêu chí của chế độ pháp lý ({where}).</translation>
    </message>
    <message>
        <source>Regime file: an unverified regime needs a note saying so ({where}).</source>
        <translation>Tệp chế độ pháp lý: chế độ pháp lý chưa được xác minh phải có ghi chú nêu rõ điều đó ({where}).</translation>
    </message>
    <message>
        <source>Holiday file: a day is wrong at {where}.</source>
        <translation>Tệp lịch nghỉ lễ: ngày không hợp lệ tại {where}.</translation>
    </message>
    <message>
        <source>The file {path} is not a readable Word (.docx) document.</source>
        <translation>Tệp {path} không phải là văn bản Word (.docx) đọc được.</translation>
    </message>
    <message>
        <source>The Word file {path} cannot be read: its part {part} is damaged or missing.</source>
        <translation>Không đọc được tệp Word {path}: phần {part} bị hỏng hoặc bị thiếu.</translation>
    </message>
    <message>
        <source>The catalogue already has &apos;{code}&apos;.</source>
        <translation>Danh mục đã có &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>A ward is renamed by adding the new name and removing the old one.</source>
        <translation>Muốn đổi tên phường/xã, hãy thêm tên mới rồi xóa tên cũ.</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is used by {count} row(s) of the register; it stays.</source>
        <translation>&apos;{code}&apos; đang được dùng ở {count} dòng của sổ giải phóng mặt bằng nên không xóa được.</translation>
    </message>
    <message>
        <source>The catalogue has no &apos;{code}&apos;.</source>
        <translation>Danh mục không có &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>The name of the day is empty.</source>
        <translation>Tên ngày đang để trống.</translation>
    </message>
    <message>
        <source>A make-up working day must be a Saturday or Sunday ({day}).</source>
        <translation>Ngày làm bù phải là thứ Bảy hoặc Chủ nhật ({day}).</translation>
    </message>
    <message>
        <source>{day} is a weekend day already; list the weekday taken off instead.</source>
        <translation>Ngày {day} đã là ngày nghỉ cuối tuần; hãy ghi ngày thường được nghỉ bù.</translation>
    </message>
    <message>
        <source>The calendar already has {day}.</source>
        <translation>Lịch nghỉ lễ đã có ngày {day}.</translation>
    </message>
    <message>
        <source>The calendar has no entry on {day}.</source>
        <translation>Lịch nghỉ lễ không có ngày {day}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as YYYY-MM-DD.</source>
        <translation>&apos;{value}&apos; không phải là ngày; hãy ghi theo dạng YYYY-MM-DD (năm-tháng-ngày).</translation>
    </message>
    <message>
        <source>There is no baseline named &apos;{name}&apos; in this project.</source>
        <translation>Dự án này không có kế hoạch gốc mang tên &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>The at-risk window must be between 0 and 365 days.</source>
        <translation>Số ngày cảnh báo sắp đến hạn phải từ 0 đến 365.</translation>
    </message>
    <message>
        <source>The plan already has a step {key}.</source>
        <translation>Kế hoạch đã có bước {key}.</translation>
    </message>
    <message>
        <source>The percent complete of step {key} comes from the register ({value}%) and cannot be set by hand.</source>
        <translation>Tỷ lệ hoàn thành của bước {key} được tính từ sổ giải phóng mặt bằng ({value}%) nên không nhập tay được.</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation>Tên dài quá {limit} ký tự.</translation>
    </message>
    <message>
        <source>A baseline named &apos;{name}&apos; already exists in this project.</source>
        <translation>Dự án này đã có kế hoạch gốc mang tên &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>The plan has no step {key}.</source>
        <translation>Kế hoạch không có bước {key}.</translation>
    </message>
    <message>
        <source>There is no place {value} in the plan.</source>
        <translation>Kế hoạch không có vị trí {value}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid {field}; use {allowed}.</source>
        <translation>&apos;{value}&apos; không phải là giá trị hợp lệ của {field}; hãy dùng {allowed}.</translation>
    </message>
    <message>
        <source>Step {key} needs a title.</source>
        <translation>Bước {key} cần có tên.</translation>
    </message>
    <message>
        <source>The {field} of step {key} is longer than {limit} characters.</source>
        <translation>Trường {field} của bước {key} dài quá {limit} ký tự.</translation>
    </message>
    <message>
        <source>top</source>
        <translation>trên</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>dưới</translation>
    </message>
    <message>
        <source>left</source>
        <translation>trái</translation>
    </message>
    <message>
        <source>right</source>
        <translation>phải</translation>
    </message>
    <message>
        <source>The {side} margin must be {low} to {high} mm (Decree 30).</source>
        <translation>Lề {side} phải từ {low} đến {high} mm (Nghị định số 30/2020/NĐ-CP).</translation>
    </message>
    <message>
        <source>The line spacing must be from single to one and a half lines (Decree 30).</source>
        <translation>Khoảng cách giữa các dòng phải từ dòng đơn đến 1,5 dòng (Nghị định số 30/2020/NĐ-CP).</translation>
    </message>
    <message>
        <source>That export is not in the history.</source>
        <translation>Lần xuất này không có trong lịch sử.</translation>
    </message>
    <message>
        <source>There is no project with the code {code}.</source>
        <translation>Không có dự án nào mang mã {code}.</translation>
    </message>
    <message>
        <source>The stored copy of file {sha256} in the database is damaged.</source>
        <translation>Bản lưu của tệp {sha256} trong cơ sở dữ liệu đã bị hỏng.</translation>
    </message>
    <message>
        <source>{tool} is not installed on this computer; install the PostgreSQL client tools (Debian: postgresql-client; Windows: PostgreSQL&apos;s installer, command line tools) to back up or restore a server database.</source>
        <translation>Máy này chưa cài {tool}; hãy cài bộ công cụ PostgreSQL (Debian: postgresql-client; Windows: bộ cài PostgreSQL, phần công cụ dòng lệnh) để sao lưu hoặc khôi phục cơ sở dữ liệu máy chủ.</translation>
    </message>
    <message>
        <source>{name} is not a backup of a server database (not a pg_dump custom-format file); nothing was changed.</source>
        <translation>{name} không phải là bản sao lưu của cơ sở dữ liệu máy chủ (không phải tệp pg_dump dạng custom); không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>{tool} failed on {location}: {reason}</source>
        <translation>{tool} bị lỗi trên {location}: {reason}</translation>
    </message>
    <message>
        <source>{option} takes a revision number as the history shows it (1, 2, …), not &apos;{text}&apos;.</source>
        <translation>{option} nhận số phiên bản như trong lịch sử phiên bản (1, 2, …), không nhận &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>A return says what should change: give it with --comment TEXT.</source>
        <translation>Trả lại thì phải nói rõ cần sửa gì: hãy ghi nội dung bằng --comment TEXT.</translation>
    </message>
    <message>
        <source>Standard input</source>
        <translation>Đầu vào chuẩn (stdin)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is a section of the outline of {other}, not of {regime}, which project {code} follows.</source>
        <translation>&apos;{key}&apos; là một mục trong đề cương theo {other}, không thuộc đề cương theo {regime} mà dự án {code} áp dụng.</translation>
    </message>
    <message>
        <source>Section {key} belongs to project {other}, not to {code}.</source>
        <translation>Mục {key} thuộc dự án {other}, không thuộc dự án {code}.</translation>
    </message>
    <message>
        <source>Project {code} has no section &apos;{key}&apos;: give an outline key of its regime, such as tt.can_cu_phap_ly, or a section id such as #123.</source>
        <translation>Dự án {code} không có mục &apos;{key}&apos;: hãy ghi khóa đề cương theo chế độ pháp lý của dự án, ví dụ tt.can_cu_phap_ly, hoặc số hiệu của mục, ví dụ #123.</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB, the most a section may hold. Split it into sub-sections or attach the material as a file. Nothing was saved.</source>
        <translation>{file} lớn hơn {limit} MB, mức tối đa của một mục. Hãy chia thành các mục con hoặc đính kèm tài liệu dưới dạng tệp. Chưa lưu gì.</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (byte {offset} is invalid); save it as UTF-8. Nothing was saved.</source>
        <translation>{file} không phải là văn bản UTF-8 (byte thứ {offset} không hợp lệ); hãy lưu lại theo mã UTF-8. Chưa lưu gì.</translation>
    </message>
    <message>
        <source>{file} does not exist. Nothing was saved.</source>
        <translation>{file} không tồn tại. Chưa lưu gì.</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason}). Nothing was saved.</source>
        <translation>Không đọc được {file} ({reason}). Chưa lưu gì.</translation>
    </message>
    <message>
        <source>The server does not know this session; sign in again.</source>
        <translation>Máy chủ không nhận ra phiên làm việc này; hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>Sign in first: the request carries no session token.</source>
        <translation>Hãy đăng nhập trước: yêu cầu không kèm mã phiên làm việc.</translation>
    </message>
    <message>
        <source>The session expired at {expires}; sign in again.</source>
        <translation>Phiên làm việc đã hết hạn lúc {expires}; hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>The session was ended (signed out, or the account was disabled); sign in again.</source>
        <translation>Phiên làm việc đã kết thúc (đã đăng xuất, hoặc tài khoản bị vô hiệu hóa); hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>Plain http:// is only for a server on this computer (a loopback address); use https:// for {server}.</source>
        <translation>Chỉ dùng http:// thường cho máy chủ chạy trên chính máy tính này (địa chỉ loopback); hãy dùng https:// cho {server}.</translation>
    </message>
    <message>
        <source>The server {server} shows a different certificate (fingerprint {presented}) from the one trusted before ({pinned}). Nothing was sent. If IT replaced the certificate, confirm the new fingerprint with them.</source>
        <translation>Máy chủ {server} đưa ra chứng thư khác (dấu vân tay {presented}) với chứng thư đã tin cậy trước đây ({pinned}). Chưa gửi dữ liệu nào. Nếu bộ phận CNTT đã thay chứng thư, hãy xác nhận dấu vân tay mới với họ.</translation>
    </message>
    <message>
        <source>The server {server} shows a certificate no known authority vouches for (fingerprint {presented}). Confirm the fingerprint with IT and pin it.</source>
        <translation>Máy chủ {server} đưa ra chứng thư không được tổ chức chứng thực nào bảo đảm (dấu vân tay {presented}). Hãy xác nhận dấu vân tay với bộ phận CNTT rồi ghim nó.</translation>
    </message>
    <message>
        <source>The server {server} cannot be reached: {reason}</source>
        <translation>Không kết nối được máy chủ {server}: {reason}</translation>
    </message>
    <message>
        <source>The server refused the request ({status}): {message}</source>
        <translation>Máy chủ từ chối yêu cầu ({status}): {message}</translation>
    </message>
    <message>
        <source>The client name must be printable text of at most {limit} characters.</source>
        <translation>Tên máy khách phải là văn bản in được, tối đa {limit} ký tự.</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; must be {kind}.</source>
        <translation>Trường &apos;{field}&apos; phải là {kind}.</translation>
    </message>
    <message>
        <source>The request body is not a JSON object in UTF-8.</source>
        <translation>Nội dung yêu cầu không phải là một đối tượng JSON mã hóa UTF-8.</translation>
    </message>
    <message>
        <source>The request body must be JSON (Content-Type: application/json).</source>
        <translation>Nội dung yêu cầu phải là JSON (Content-Type: application/json).</translation>
    </message>
    <message>
        <source>The request has a field &apos;{field}&apos; the server does not take.</source>
        <translation>Yêu cầu có trường &apos;{field}&apos; mà máy chủ không nhận.</translation>
    </message>
    <message>
        <source>The request has a parameter &apos;{field}&apos; the server does not take.</source>
        <translation>Yêu cầu có tham số &apos;{field}&apos; mà máy chủ không nhận.</translation>
    </message>
    <message>
        <source>The parameter &apos;{field}&apos; must be a whole number of at least 0, given once.</source>
        <translation>Tham số &apos;{field}&apos; phải là một số nguyên không âm và chỉ được ghi một lần.</translation>
    </message>
    <message>
        <source>The cursor &apos;since&apos; must be a whole number of at least 0.</source>
        <translation>Mốc đồng bộ &apos;since&apos; phải là một số nguyên không âm.</translation>
    </message>
    <message>
        <source>The page size &apos;limit&apos; must be a whole number from 1 to {largest}.</source>
        <translation>Kích thước trang &apos;limit&apos; phải là một số nguyên từ 1 đến {largest}.</translation>
    </message>
    <message>
        <source>The cursor {since} is ahead of the server&apos;s library version {version}: this copy was synced with another database or the server&apos;s was restored; sync again from the start.</source>
        <translation>Mốc đồng bộ {since} lớn hơn phiên bản dữ liệu hiện tại của máy chủ ({version}): bản sao này đã được đồng bộ với một cơ sở dữ liệu khác, hoặc dữ liệu của máy chủ đã được khôi phục từ bản sao lưu; hãy đồng bộ lại từ đầu.</translation>
    </message>
    <message>
        <source>The request is larger than the server takes ({limit} bytes).</source>
        <translation>Yêu cầu lớn hơn mức máy chủ nhận ({limit} byte).</translation>
    </message>
    <message>
        <source>The request lacks the field &apos;{field}&apos;.</source>
        <translation>Yêu cầu thiếu trường &apos;{field}&apos;.</translation>
    </message>
    <message>
        <source>The request&apos;s Content-Length header is not a number.</source>
        <translation>Tiêu đề Content-Length của yêu cầu không phải là một số.</translation>
    </message>
    <message>
        <source>The server has nothing at {path}.</source>
        <translation>Máy chủ không có gì tại {path}.</translation>
    </message>
    <message>
        <source>{method} is not allowed at {path}.</source>
        <translation>Không được dùng {method} tại {path}.</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>một danh sách</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>một số nguyên</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>một đối tượng</translation>
    </message>
    <message>
        <source>text</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true hoặc false</translation>
    </message>
    <message>
        <source>The certificate cannot be written in {directory}: {reason}</source>
        <translation>Không ghi được chứng thư vào {directory}: {reason}</translation>
    </message>
    <message>
        <source>The certificate or key in {directory} cannot be used: {reason}</source>
        <translation>Không dùng được chứng thư hoặc khóa trong {directory}: {reason}</translation>
    </message>
    <message>
        <source>The server cannot listen on {host}:{port}: {reason}</source>
        <translation>Máy chủ không lắng nghe được tại {host}:{port}: {reason}</translation>
    </message>
    <message>
        <source>The server speaks plain HTTP only on this computer (127.0.0.1, ::1, localhost); to listen on {host}, give --tls-dir with a certificate (&apos;serve --init-tls DIR&apos; makes one).</source>
        <translation>Máy chủ chỉ dùng HTTP thường trên chính máy tính này (127.0.0.1, ::1, localhost); để lắng nghe tại {host}, hãy chỉ định --tls-dir kèm chứng thư (lệnh &apos;serve --init-tls DIR&apos; tạo chứng thư).</translation>
    </message>
    <message>
        <source>{directory} already has a certificate or key; nothing was overwritten. Desktops trust the present certificate: to replace it, remove both files, then confirm the new fingerprint on each desktop.</source>
        <translation>{directory} đã có chứng thư hoặc khóa; không ghi đè tệp nào. Các máy trạm đang tin cậy chứng thư hiện có: muốn thay, hãy xóa cả hai tệp, rồi xác nhận dấu vân tay mới trên từng máy trạm.</translation>
    </message>
    <message>
        <source>{directory} has no cert.pem and key.pem: make them with &apos;serve --init-tls {directory}&apos;, or put a certificate from an authority and its key there.</source>
        <translation>{directory} không có cert.pem và key.pem: hãy tạo bằng lệnh &apos;serve --init-tls {directory}&apos;, hoặc đặt vào đó chứng thư do tổ chức chứng thực cấp cùng khóa của nó.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a server address (https://name:port).</source>
        <translation>&apos;{url}&apos; không phải là địa chỉ máy chủ (https://tên:cổng).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a SHA-256 fingerprint (64 hexadecimal digits).</source>
        <translation>&apos;{value}&apos; không phải là dấu vân tay SHA-256 (64 chữ số thập lục phân).</translation>
    </message>
    <message>
        <source>The electronic identification code &apos;{value}&apos; is not shaped like {shape}: four groups of 3, 2, 2 and 3 characters joined by dots, the last a capital letter and two digits.</source>
        <translation>Mã định danh điện tử &apos;{value}&apos; không đúng dạng {shape}: bốn nhóm 3, 2, 2 và 3 ký tự nối bằng dấu chấm, nhóm cuối là một chữ cái in hoa và hai chữ số.</translation>
    </message>
    <message>
        <source>The electronic identification code of the {role} is missing (enter it in Project details, shaped like {shape}).</source>
        <translation>Chưa có mã định danh điện tử của {role} (nhập trong Thông tin dự án, dạng {shape}).</translation>
    </message>
    <message>
        <source>sending agency</source>
        <translation>cơ quan gửi</translation>
    </message>
    <message>
        <source>receiving agency</source>
        <translation>cơ quan nhận</translation>
    </message>
    <message>
        <source>The export template {path} is missing. Nothing was exported.</source>
        <translation>Mẫu văn bản xuất {path} không có. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The export template {path} is not a Word document that can be opened ({detail}). Nothing was exported.</source>
        <translation>Mẫu văn bản xuất {path} không phải tệp Word mở được ({detail}). Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The export template {path} has no style &apos;{style}&apos;, which the documents use. Nothing was exported.</source>
        <translation>Mẫu văn bản xuất {path} thiếu kiểu định dạng &apos;{style}&apos; mà văn bản cần dùng. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The export template {path} is not valid YAML: {detail}. Nothing was exported.</source>
        <translation>Mẫu văn bản xuất {path} không đúng cú pháp YAML: {detail}. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The export template {path} should hold named fields (name: value). Nothing was exported.</source>
        <translation>Mẫu văn bản xuất {path} phải gồm các trường có tên (tên: giá trị). Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The field &apos;{name}&apos; of the export template {path} should be a line of text. Nothing was exported.</source>
        <translation>Trường &apos;{name}&apos; của mẫu văn bản xuất {path} phải là một dòng chữ. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The field &apos;{name}&apos; of the export template {path} should be a list of lines. Nothing was exported.</source>
        <translation>Trường &apos;{name}&apos; của mẫu văn bản xuất {path} phải là danh sách các dòng. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The field &apos;{name}&apos; of the export template {path} names {placeholder}; it may name: {allowed}. Nothing was exported.</source>
        <translation>Trường &apos;{name}&apos; của mẫu văn bản xuất {path} có {placeholder}, nhưng chỉ được dùng: {allowed}. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>The export template {path} has no heading for {appendix}. Nothing was exported.</source>
        <translation>Mẫu văn bản xuất {path} thiếu dòng tiêu đề của {appendix}. Chưa xuất tệp nào.</translation>
    </message>
    <message>
        <source>{file} must end in .docx: the redline is a Word file.</source>
        <translation>{file} phải có đuôi .docx: bản so sánh thay đổi là tệp Word.</translation>
    </message>
    <message>
        <source>{file} cannot be written ({reason}). Nothing was written.</source>
        <translation>Không ghi được {file} ({reason}). Chưa ghi gì.</translation>
    </message>
    <message>
        <source>The section has no saved revision yet.</source>
        <translation>Mục này chưa có phiên bản nào được lưu.</translation>
    </message>
    <message>
        <source>Section “{title}” has no revision {number}; its revisions are 1 to {last}.</source>
        <translation>Mục “{title}” không có phiên bản {number}; các phiên bản của mục là từ 1 đến {last}.</translation>
    </message>
    <message>
        <source>Sync signs in at the server: give the account with --user or DOSSIER_USER.</source>
        <translation>Đồng bộ cần đăng nhập vào máy chủ: hãy cho biết tài khoản bằng --user hoặc DOSSIER_USER.</translation>
    </message>
    <message>
        <source>A push names the library version it was based on in If-Unmodified-Since-Version.</source>
        <translation>Lần gửi phải ghi phiên bản thư viện mà nó dựa trên trong If-Unmodified-Since-Version.</translation>
    </message>
    <message>
        <source>A push takes at most {limit} changes; send the rest in another.</source>
        <translation>Mỗi lần gửi nhận tối đa {limit} thay đổi; hãy gửi phần còn lại trong lần sau.</translation>
    </message>
    <message>
        <source>The section changed on the server since this revision was written; sync again so the two are merged.</source>
        <translation>Mục này đã thay đổi trên máy chủ kể từ khi phiên bản này được viết; hãy đồng bộ lại để hai bản được hợp nhất.</translation>
    </message>
    <message>
        <source>The change&apos;s field &apos;{field}&apos; is missing or of the wrong kind.</source>
        <translation>Trường &apos;{field}&apos; của thay đổi bị thiếu hoặc sai kiểu.</translation>
    </message>
    <message>
        <source>The server does not yet take changes of &apos;{table}&apos; from desktops.</source>
        <translation>Máy chủ chưa nhận thay đổi của &apos;{table}&apos; từ máy trạm.</translation>
    </message>
    <message>
        <source>The server has no {table} with the id {uid}.</source>
        <translation>Máy chủ không có {table} với mã {uid}.</translation>
    </message>
    <message>
        <source>The Range header must be one range of bytes (bytes=N- or bytes=N-M).</source>
        <translation>Tiêu đề Range phải là một khoảng byte (bytes=N- hoặc bytes=N-M).</translation>
    </message>
    <message>
        <source>An upload chunk names its place in Content-Range: bytes START-END/TOTAL.</source>
        <translation>Mỗi phần tải lên phải ghi vị trí trong Content-Range: bytes ĐẦU-CUỐI/TỔNG.</translation>
    </message>
    <message>
        <source>The Content-Range must name at most {limit} bytes inside the file&apos;s length.</source>
        <translation>Content-Range phải ghi tối đa {limit} byte, nằm trong độ dài của tệp.</translation>
    </message>
    <message>
        <source>The body has {size} bytes; the Content-Range names {named}.</source>
        <translation>Nội dung gửi có {size} byte; Content-Range ghi {named} byte.</translation>
    </message>
    <message>
        <source>The bytes received do not have the SHA-256 {sha256}; nothing was kept, send the file again.</source>
        <translation>Dữ liệu nhận được không có mã SHA-256 {sha256}; không lưu gì, hãy gửi lại tệp.</translation>
    </message>
    <message>
        <source>The server holds {offset} bytes of this upload; the chunk starts at {start}. Ask again and go on.</source>
        <translation>Máy chủ đang giữ {offset} byte của lần tải lên này; phần gửi bắt đầu từ byte {start}. Hãy hỏi lại và gửi tiếp.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a SHA-256 name (64 lower-case hexadecimal digits).</source>
        <translation>&apos;{value}&apos; không phải tên SHA-256 (64 chữ số thập lục phân viết thường).</translation>
    </message>
    <message>
        <source>The server holds no attachment file {sha256}.</source>
        <translation>Máy chủ không có tệp đính kèm {sha256}.</translation>
    </message>
    <message>
        <source>Ask about at most {limit} files at a time.</source>
        <translation>Mỗi lần chỉ hỏi tối đa {limit} tệp.</translation>
    </message>
    <message>
        <source>Attachments may be at most {limit} MB; this file has {size} bytes.</source>
        <translation>Tệp đính kèm tối đa {limit} MB; tệp này có {size} byte.</translation>
    </message>
    <message>
        <source>The chunk goes past the end of the file it belongs to.</source>
        <translation>Phần gửi vượt quá cuối tệp.</translation>
    </message>
    <message>
        <source>accounts are managed</source>
        <translation>tài khoản được quản lý</translation>
    </message>
    <message>
        <source>a backup is restored</source>
        <translation>bản sao lưu được khôi phục</translation>
    </message>
    <message>
        <source>Household {code}: the fields {fields} were changed differently on the server; sync again and pick a value.</source>
        <translation>Hộ {code}: các trường {fields} đã được sửa khác đi trên máy chủ; hãy đồng bộ lại và chọn giá trị giữ lại.</translation>
    </message>
    <message>
        <source>Household {code} was changed on the server since; it is kept, not deleted.</source>
        <translation>Hộ {code} đã được sửa trên máy chủ sau đó; hộ được giữ lại, không bị xoá.</translation>
    </message>
    <message>
        <source>Household {code}: the field &apos;{field}&apos; was refused: {reason}</source>
        <translation>Hộ {code}: trường &apos;{field}&apos; bị từ chối: {reason}</translation>
    </message>
    <message>
        <source>The section was edited on the server since it was deleted on the desktop; it is kept.</source>
        <translation>Mục này đã được sửa trên máy chủ sau khi bị xoá ở máy trạm; mục được giữ lại.</translation>
    </message>
    <message>
        <source>The milestone plan&apos;s {fields} changed differently on the server.</source>
        <translation>Kế hoạch tiến độ: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The project facts {fields} changed differently on the server.</source>
        <translation>Số liệu dự án: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The filing date changed differently on the server.</source>
        <translation>Ngày nộp hồ sơ đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>Step {key}: {fields} changed differently on the server.</source>
        <translation>Bước {key}: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The consultation of {name}: {fields} changed differently on the server.</source>
        <translation>Lấy ý kiến {name}: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The condition&apos;s {fields} changed differently on the server.</source>
        <translation>Điều kiện: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The comment of {source}: {fields} changed differently on the server.</source>
        <translation>Ý kiến của {source}: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The project&apos;s {fields} changed differently on the server.</source>
        <translation>Thông tin dự án: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>An evidence link is never changed: remove it and link another.</source>
        <translation>Liên kết tài liệu chứng minh không sửa được: hãy bỏ liên kết này rồi chọn tài liệu khác.</translation>
    </message>
    <message>
        <source>The document number counter changed differently on the server.</source>
        <translation>Số văn bản tiếp theo đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The catalogue entry {code}: {fields} changed differently on the server.</source>
        <translation>Mục danh mục {code}: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The calendar&apos;s day {day}: {fields} changed differently on the server.</source>
        <translation>Ngày {day} trong lịch ngày nghỉ: {fields} đã được sửa khác trên máy chủ.</translation>
    </message>
    <message>
        <source>The comment of {source} was changed on the server since; it is kept.</source>
        <translation>Ý kiến của {source} đã được sửa trên máy chủ sau đó; được giữ lại, không xoá.</translation>
    </message>
    <message>
        <source>Step {key} was changed on the server since; it is kept, not removed.</source>
        <translation>Bước {key} đã được sửa trên máy chủ sau đó; bước này được giữ lại, không xoá.</translation>
    </message>
    <message>
        <source>The consultation of {name} was changed on the server since; it is kept.</source>
        <translation>Việc lấy ý kiến {name} đã được sửa trên máy chủ sau đó; được giữ lại, không xoá.</translation>
    </message>
    <message>
        <source>The evidence link was changed on the server since; it is kept.</source>
        <translation>Liên kết tài liệu chứng minh đã được sửa trên máy chủ sau đó; liên kết được giữ lại.</translation>
    </message>
    <message>
        <source>The catalogue entry {code} was changed on the server since; it is kept.</source>
        <translation>Mục danh mục {code} đã được sửa trên máy chủ sau đó; mục này được giữ lại.</translation>
    </message>
    <message>
        <source>The calendar&apos;s day {day} was changed on the server since; it is kept.</source>
        <translation>Ngày {day} trong lịch ngày nghỉ đã được sửa trên máy chủ sau đó; ngày này được giữ lại.</translation>
    </message>
    <message>
        <source>The server already has a {table} with the id {uid}.</source>
        <translation>Máy chủ đã có {table} mang mã định danh {uid}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the submission package — {code}</source>
        <translation>Xuất bộ hồ sơ trình — {code}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Also a .zip of the package</source>
        <translation>Kèm tệp .zip của bộ hồ sơ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Draft (latest text, marked DỰ THẢO, no number)</source>
        <translation>Dự thảo (nội dung mới nhất, có dấu DỰ THẢO, không đánh số)</translation>
    </message>
    <message>
        <source>Final (approved revisions, numbered)</source>
        <translation>Chính thức (phiên bản đã phê duyệt, có số văn bản)</translation>
    </message>
    <message>
        <source>A final export needs a complete dossier; still missing (as the check command lists it):</source>
        <translation>Chỉ xuất bản chính thức khi hồ sơ đã đầy đủ; còn thiếu (như lệnh kiểm tra liệt kê):</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Hủy xuất</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Document numbers</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>The next number of each kind; a final export prints it and moves it on.</source>
        <translation>Số tiếp theo của từng loại văn bản; khi xuất bản chính thức, số này được ghi vào văn bản rồi tự tăng.</translation>
    </message>
    <message>
        <source>Page (Decree 30)</source>
        <translation>Trang (Nghị định 30)</translation>
    </message>
    <message>
        <source>Top margin:</source>
        <translation>Lề trên:</translation>
    </message>
    <message>
        <source>Bottom margin:</source>
        <translation>Lề dưới:</translation>
    </message>
    <message>
        <source>Left margin:</source>
        <translation>Lề trái:</translation>
    </message>
    <message>
        <source>Right margin:</source>
        <translation>Lề phải:</translation>
    </message>
    <message>
        <source>{low}-{high} mm</source>
        <translation>{low}-{high} mm</translation>
    </message>
    <message>
        <source>{low}-{high} lines</source>
        <translation>{low}-{high} dòng</translation>
    </message>
    <message>
        <source>Line spacing:</source>
        <translation>Khoảng cách dòng:</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Thư mục lưu</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Digital signature of the PDFs</source>
        <translation>Ký số các tệp PDF</translation>
    </message>
    <message>
        <source>Do not sign</source>
        <translation>Không ký số</translation>
    </message>
    <message>
        <source>Certificate file (.p12)</source>
        <translation>Tệp chứng thư số (.p12)</translation>
    </message>
    <message>
        <source>USB token</source>
        <translation>USB Token ký số</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>asked at each export, never kept</source>
        <translation>nhập mỗi lần xuất, không được lưu lại</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>The PKCS#11 driver the token&apos;s supplier installed</source>
        <translation>Trình điều khiển PKCS#11 do nhà cung cấp token cài đặt</translation>
    </message>
    <message>
        <source>Token driver:</source>
        <translation>Trình điều khiển token:</translation>
    </message>
    <message>
        <source>Read the tokens</source>
        <translation>Đọc danh sách token</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Thiết bị token:</translation>
    </message>
    <message>
        <source>The label of the signing key on the token</source>
        <translation>Nhãn của khóa ký số trên token</translation>
    </message>
    <message>
        <source>Key label:</source>
        <translation>Nhãn khóa ký số:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>Mã PIN:</translation>
    </message>
    <message>
        <source>Reading the tokens…</source>
        <translation>Đang đọc danh sách token…</translation>
    </message>
    <message>
        <source>{count} token(s) plugged in.</source>
        <translation>Có {count} token đang cắm vào máy.</translation>
    </message>
    <message>
        <source>No token is plugged in: plug it in, then read the tokens again.</source>
        <translation>Chưa có token nào được cắm vào máy: hãy cắm token rồi đọc lại danh sách.</translation>
    </message>
    <message>
        <source>Required sections not approved:</source>
        <translation>Các mục bắt buộc chưa được phê duyệt:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa chọn</translation>
    </message>
    <message>
        <source>Next {symbol} number:</source>
        <translation>Số {symbol} tiếp theo:</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>Chứng thư số (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Token driver</source>
        <translation>Trình điều khiển token</translation>
    </message>
    <message>
        <source>PKCS#11 drivers (*.dll *.so *.so.* *.dylib)</source>
        <translation>Trình điều khiển PKCS#11 (*.dll *.so *.so.* *.dylib)</translation>
    </message>
    <message>
        <source>Preparing the documents…</source>
        <translation>Đang chuẩn bị văn bản…</translation>
    </message>
    <message>
        <source>Writing {name} ({done} of {total})…</source>
        <translation>Đang ghi {name} ({done}/{total})…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>{kind} package written: {folder}</source>
        <translation>Đã xuất bộ hồ sơ ({kind}): {folder}</translation>
    </message>
    <message>
        <source>{count} files; manifest SHA-256 {hash}</source>
        <translation>{count} tệp; mã băm SHA-256 của bảng kê {hash}</translation>
    </message>
    <message>
        <source>Numbers: {numbers}</source>
        <translation>Số văn bản: {numbers}</translation>
    </message>
    <message>
        <source>Zip: {path}</source>
        <translation>Tệp zip: {path}</translation>
    </message>
    <message>
        <source>Every PDF is digitally signed (PAdES).</source>
        <translation>Mọi tệp PDF đã được ký số (PAdES).</translation>
    </message>
</context>
<context>
    <name>ExportHistoryPane</name>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người xuất</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Bộ hồ sơ</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Đang kiểm tra {name}…</translation>
    </message>
    <message>
        <source>OK: all {count} files of {name} match its manifest.</source>
        <translation>Hợp lệ: cả {count} tệp của {name} khớp với bảng kê tệp và mã băm.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>bị thiếu</translation>
    </message>
    <message>
        <source>content differs from the manifest</source>
        <translation>nội dung khác với bảng kê</translation>
    </message>
    <message>
        <source>not listed in the manifest</source>
        <translation>không có trong bảng kê</translation>
    </message>
    <message>
        <source>differs from the hash the history recorded</source>
        <translation>khác với mã băm đã ghi trong lịch sử</translation>
    </message>
    <message>
        <source>Changed: {file} ({reason}).</source>
        <translation>Có thay đổi: {file} ({reason}).</translation>
    </message>
</context>
<context>
    <name>FactsDialog</name>
    <message>
        <source>Project facts for the criteria</source>
        <translation>Số liệu của dự án để đánh giá tiêu chí</translation>
    </message>
    <message>
        <source>IT workers planned (people)</source>
        <translation>Lao động công nghệ thông tin dự kiến (người)</translation>
    </message>
    <message>
        <source>Total workforce of the park (people)</source>
        <translation>Tổng số lao động của khu (người)</translation>
    </message>
    <message>
        <source>Land area (ha)</source>
        <translation>Diện tích đất (ha)</translation>
    </message>
    <message>
        <source>Core functional zone (ha)</source>
        <translation>Khu chức năng chính (ha)</translation>
    </message>
    <message>
        <source>Construction land (ha)</source>
        <translation>Đất xây dựng (ha)</translation>
    </message>
    <message>
        <source>Net building density (%)</source>
        <translation>Mật độ xây dựng thuần (%)</translation>
    </message>
    <message>
        <source>Occupancy of existing parks in the province (%)</source>
        <translation>Tỷ lệ lấp đầy của các khu hiện có trên địa bàn (%)</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>chưa có số liệu</translation>
    </message>
    <message>
        <source>Software and IT services only (lower thresholds)</source>
        <translation>Chỉ phần mềm và dịch vụ CNTT (ngưỡng thấp hơn)</translation>
    </message>
    <message>
        <source>Expansion of an existing park</source>
        <translation>Mở rộng khu hiện có</translation>
    </message>
    <message>
        <source>The land area is the project&apos;s area; changing it here changes the project.</source>
        <translation>Diện tích đất là diện tích của dự án; sửa ở đây sẽ thay đổi thông tin dự án.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Tạo tài khoản quản trị</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the administrator, who then adds the officers, managers and clerks.</source>
        <translation>Cơ sở dữ liệu này chưa có tài khoản nào. Hãy tạo tài khoản quản trị; người quản trị sẽ thêm chuyên viên, lãnh đạo và văn thư.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ tên:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Repeat the password:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Load the Cần Thơ demo instead</source>
        <translation>Dùng dữ liệu mẫu Cần Thơ</translation>
    </message>
    <message>
        <source>Creates the demo projects CT-HTP and CT-ITP and one account per role, then asks you to sign in.</source>
        <translation>Tạo hai dự án mẫu CT-HTP, CT-ITP và một tài khoản cho mỗi vai trò, sau đó mời bạn đăng nhập.</translation>
    </message>
    <message>
        <source>Join the department&apos;s server…</source>
        <translation>Kết nối máy chủ của sở…</translation>
    </message>
    <message>
        <source>For an officer whose account is on the department&apos;s server: brings its projects to this desktop and signs you in.</source>
        <translation>Dành cho cán bộ đã có tài khoản trên máy chủ của sở: đưa các dự án của sở về máy này và đăng nhập cho bạn.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không khớp.</translation>
    </message>
</context>
<context>
    <name>GanttView</name>
    <message>
        <source>Weeks</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Zoom in: one column per ISO week (Ctrl++)</source>
        <translation>Phóng to: mỗi cột là một tuần theo ISO (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out: one column per month (Ctrl+-)</source>
        <translation>Thu nhỏ: mỗi cột là một tháng (Ctrl+-)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Xuất ảnh PNG…</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Thang thời gian:</translation>
    </message>
    <message>
        <source>No plan to show.</source>
        <translation>Chưa có kế hoạch để hiển thị.</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Đang vẽ…</translation>
    </message>
    <message>
        <source>Gantt chart</source>
        <translation>Biểu đồ Gantt</translation>
    </message>
    <message>
        <source>Export the Gantt chart</source>
        <translation>Xuất biểu đồ Gantt</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved to {name}.</source>
        <translation>Đã lưu vào tệp {name}.</translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>The guidance of the chosen section appears here: what the law expects.</source>
        <translation>Hướng dẫn của mục đang chọn hiển thị tại đây: những nội dung pháp luật yêu cầu.</translation>
    </message>
    <message>
        <source>Required by law</source>
        <translation>Bắt buộc theo quy định</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Không bắt buộc</translation>
    </message>
    <message>
        <source>A section you added yourself: the legal outline gives no guidance for it.</source>
        <translation>Mục do bạn tự thêm: đề cương quy định của pháp luật không có hướng dẫn cho mục này.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Find in the guide, with or without diacritics (Enter: next)</source>
        <translation>Tìm trong hướng dẫn, gõ có dấu hoặc không dấu (Enter: tìm tiếp)</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <source>The user guide {path} is missing from this installation.</source>
        <translation>Bản cài đặt này thiếu tệp hướng dẫn sử dụng {path}.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holiday calendar</source>
        <translation>Lịch nghỉ lễ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>Name, e.g. Tết Nguyên đán</source>
        <translation>Tên ngày, ví dụ: Tết Nguyên đán</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Xóa ngày đã chọn</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Weekdays off and weekend days worked; Saturdays and Sundays are off unless listed here.</source>
        <translation>Ghi các ngày thường được nghỉ và các ngày cuối tuần phải làm bù; thứ Bảy, Chủ nhật là ngày nghỉ trừ khi được ghi tại đây.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import into the register</source>
        <translation>Nhập vào sổ giải phóng mặt bằng</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Tệp: {name}</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>No problem found: {parties} party(ies), {parcels} parcel(s), {lines} line(s).</source>
        <translation>Không phát hiện lỗi: {parties} hộ, {parcels} thửa, {lines} khoản bồi thường.</translation>
    </message>
    <message>
        <source>{count} problem(s) found; correct the file and try again. Nothing was written.</source>
        <translation>Phát hiện {count} lỗi; hãy sửa tệp rồi thử lại. Chưa ghi dữ liệu nào.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>The file was not imported; nothing was written.</source>
        <translation>Tệp chưa được nhập; chưa ghi dữ liệu nào.</translation>
    </message>
</context>
<context>
    <name>JoinServerDialog</name>
    <message>
        <source>Join the department&apos;s server</source>
        <translation>Kết nối máy chủ của sở</translation>
    </message>
    <message>
        <source>This desktop gets a copy of the department&apos;s projects from its server and syncs with it. Sign in with the account the administrator made for you on the server (IT gives the address; it usually ends in :8470).</source>
        <translation>Máy này nhận một bản sao các dự án của sở từ máy chủ và đồng bộ với máy chủ đó. Hãy đăng nhập bằng tài khoản quản trị viên đã tạo cho bạn trên máy chủ (bộ phận công nghệ thông tin cho biết địa chỉ; thường kết thúc bằng :8470).</translation>
    </message>
    <message>
        <source>User name at the server:</source>
        <translation>Tên đăng nhập trên máy chủ:</translation>
    </message>
    <message>
        <source>Password at the server:</source>
        <translation>Mật khẩu trên máy chủ:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>Hãy nhập địa chỉ máy chủ.</translation>
    </message>
    <message>
        <source>Enter your user name at the server.</source>
        <translation>Hãy nhập tên đăng nhập của bạn trên máy chủ.</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Đang kết nối tới {server}…</translation>
    </message>
    <message>
        <source>Signed in. Receiving the department&apos;s data…</source>
        <translation>Đã đăng nhập. Đang nhận dữ liệu của sở…</translation>
    </message>
    <message>
        <source>Stopping the sync…</source>
        <translation>Đang dừng đồng bộ…</translation>
    </message>
    <message>
        <source>The first sync was cancelled. What arrived is kept: Join goes on from where it stopped, or sign in later and use File › Sync now.</source>
        <translation>Lần đồng bộ đầu tiên đã hủy. Dữ liệu đã nhận được giữ lại: bấm Kết nối để tiếp tục từ chỗ đã dừng, hoặc đăng nhập sau rồi dùng Tệp › Đồng bộ ngay.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Sign in to the park establishment dossier.</source>
        <translation>Đăng nhập vào hồ sơ thành lập khu công nghệ.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Demo database. Accounts (password {password}):</source>
        <translation>Cơ sở dữ liệu mẫu. Các tài khoản (mật khẩu {password}):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Guidance</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Việc cần xử lý</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>Cơ sở dữ liệu: {location}</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Đăng nhập: {name}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>&amp;Mục</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Not saved yet: the database is busy</source>
        <translation>Chưa lưu được: cơ sở dữ liệu đang bận</translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation>{count} từ</translation>
    </message>
    <message>
        <source>Choose a section in the navigator to start writing.</source>
        <translation>Chọn một mục trong khung điều hướng để bắt đầu soạn thảo.</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Land clearance</source>
        <translation>Giải phóng mặt &amp;bằng</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Quản trị</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Find a command…</source>
        <translation>Tìm lệnh…</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>The open section was updated by the sync.</source>
        <translation>Mục đang mở vừa được cập nhật từ lần đồng bộ.</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Có thay đổi chưa lưu…</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <source>Revision restored as a new revision.</source>
        <translation>Đã khôi phục phiên bản thành một phiên bản mới.</translation>
    </message>
    <message>
        <source>Park establishment dossier</source>
        <translation>Hồ sơ thành lập khu công nghệ</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Đóng mà không lưu?</translation>
    </message>
    <message>
        <source>The section could not be saved. Close anyway and lose the unsaved typing?</source>
        <translation>Không lưu được mục này. Vẫn đóng và bỏ phần nội dung chưa lưu?</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được thao tác</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không lường trước</translation>
    </message>
    <message>
        <source>The action was not completed because of an unexpected error. Text already saved is safe; please tell the program&apos;s maintainers what you were doing.</source>
        <translation>Thao tác chưa hoàn thành do một lỗi không lường trước. Nội dung đã lưu vẫn an toàn; xin báo cho người bảo trì chương trình biết bạn đang làm gì.</translation>
    </message>
</context>
<context>
    <name>MilestoneTableModel</name>
    <message>
        <source>Key</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Đơn vị thực hiện</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Bắt đầu (KH)</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Kết thúc (KH)</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Bắt đầu (TT)</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>Kết thúc (TT)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Legal deadline</source>
        <translation>Thời hạn theo luật</translation>
    </message>
    <message>
        <source>Drift (days)</source>
        <translation>Lệch (ngày)</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Computed from the land register: the share of the project&apos;s {count} parties that have reached this step. It cannot be typed.</source>
        <translation>Tính từ sổ giải phóng mặt bằng: tỷ lệ số hộ (trong tổng số {count} hộ của dự án) đã đến bước này. Không nhập tay được.</translation>
    </message>
    <message>
        <source>{days:+d} day(s) against the baseline “{name}”</source>
        <translation>Lệch {days:+d} ngày so với kế hoạch gốc “{name}”</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Legal deadline {due} passed {days} day(s) ago.</source>
        <translation>Đã quá thời hạn theo luật ({due}) {days} ngày.</translation>
    </message>
    <message>
        <source>Done {days} day(s) after the legal deadline {due}.</source>
        <translation>Hoàn thành chậm {days} ngày so với thời hạn theo luật ({due}).</translation>
    </message>
    <message>
        <source>Ended {days} day(s) before {due}, the earliest end the law allows.</source>
        <translation>Kết thúc sớm {days} ngày so với ngày {due}, là ngày sớm nhất pháp luật cho phép.</translation>
    </message>
    <message>
        <source>The planned end {due} passed {days} day(s) ago and the step is not done.</source>
        <translation>Đã quá ngày kết thúc theo kế hoạch ({due}) {days} ngày mà bước này chưa hoàn thành.</translation>
    </message>
    <message>
        <source>{days} day(s) left until the legal deadline {due}.</source>
        <translation>Còn {days} ngày đến thời hạn theo luật ({due}).</translation>
    </message>
</context>
<context>
    <name>MilestonesWindow</name>
    <message>
        <source>Milestone plan — {code}</source>
        <translation>Kế hoạch tiến độ — {code}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Gantt chart</source>
        <translation>Biểu đồ Gantt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Today: {day}</source>
        <translation>Hôm nay: {day}</translation>
    </message>
    <message>
        <source>Agricultural land (notice 90 days ahead)</source>
        <translation>Đất nông nghiệp (thông báo trước 90 ngày)</translation>
    </message>
    <message>
        <source>Non-agricultural land (notice 180 days ahead)</source>
        <translation>Đất phi nông nghiệp (thông báo trước 180 ngày)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>A step is at risk when its legal deadline is this close.</source>
        <translation>Bước được coi là sắp đến hạn khi chỉ còn ngần này ngày đến thời hạn theo luật.</translation>
    </message>
    <message>
        <source>Land:</source>
        <translation>Loại đất:</translation>
    </message>
    <message>
        <source>At risk within:</source>
        <translation>Cảnh báo trước:</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Kế hoạch gốc:</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>Thêm bước…</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Xóa bước</translation>
    </message>
    <message>
        <source>Rename step</source>
        <translation>Đổi tên bước</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>Take baseline…</source>
        <translation>Lưu kế hoạch gốc…</translation>
    </message>
    <message>
        <source>Overdue: {overdue}. At risk (deadline within {days} days): {at_risk}.</source>
        <translation>Quá hạn: {overdue}. Sắp đến hạn (còn không quá {days} ngày): {at_risk}.</translation>
    </message>
    <message>
        <source>The percent of {keys} comes from the land register ({count} parties).</source>
        <translation>Tỷ lệ hoàn thành của {keys} được tính từ sổ giải phóng mặt bằng ({count} hộ).</translation>
    </message>
    <message>
        <source>No baseline</source>
        <translation>Không so sánh</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Thêm bước</translation>
    </message>
    <message>
        <source>Title of the new step:</source>
        <translation>Tên bước mới:</translation>
    </message>
    <message>
        <source>Take baseline</source>
        <translation>Lưu kế hoạch gốc</translation>
    </message>
    <message>
        <source>Name of the baseline:</source>
        <translation>Tên kế hoạch gốc:</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>{written} of {total} required sections written</source>
        <translation>Đã soạn {written} trên {total} mục bắt buộc</translation>
    </message>
    <message>
        <source>Required by law</source>
        <translation>Bắt buộc theo quy định</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Không bắt buộc</translation>
    </message>
    <message>
        <source>changed since approval</source>
        <translation>đã sửa sau phê duyệt</translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation>{count} từ</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>Chưa soạn</translation>
    </message>
    <message>
        <source>Not part of the current regime (kept from an earlier one)</source>
        <translation>Không thuộc chế độ pháp lý hiện tại (giữ lại từ chế độ trước)</translation>
    </message>
    <message>
        <source>In conflict with the server&apos;s copy: open File › Sync conflicts… to merge the two texts</source>
        <translation>Xung đột với bản trên máy chủ: mở Tệp › Xung đột đồng bộ… để gộp hai bản</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} chờ phê duyệt</translation>
    </message>
    <message>
        <source>{count} returned</source>
        <translation>{count} bị trả lại</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ tên:</translation>
    </message>
    <message>
        <source>First password:</source>
        <translation>Mật khẩu ban đầu:</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Trang trước</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Trang sau ▶</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Văn bản:</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Thu phóng:</translation>
    </message>
    <message>
        <source>This package has no PDF to preview.</source>
        <translation>Bộ hồ sơ này không có tệp PDF để xem trước.</translation>
    </message>
    <message>
        <source>Drawing page {page}…</source>
        <translation>Đang hiển thị trang {page}…</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Trang {page}/{count}</translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>Không có trang nào</translation>
    </message>
</context>
<context>
    <name>PartiesTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Bước hiện tại</translation>
    </message>
    <message>
        <source>Land area (m²)</source>
        <translation>Diện tích đất (m²)</translation>
    </message>
    <message>
        <source>Recovered area (m²)</source>
        <translation>Diện tích thu hồi (m²)</translation>
    </message>
    <message>
        <source>Compensation (VND)</source>
        <translation>Bồi thường (đồng)</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <source>Sync conflict: pick the values to keep beside the details</source>
        <translation>Xung đột đồng bộ: chọn giá trị giữ lại ở khung chi tiết bên cạnh</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>Đã thông báo</translation>
    </message>
    <message>
        <source>Inventoried</source>
        <translation>Đã kiểm đếm</translation>
    </message>
    <message>
        <source>Plan posted</source>
        <translation>Đã niêm yết phương án</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Đã chi trả</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Đã bàn giao mặt bằng</translation>
    </message>
    <message>
        <source>Enforced</source>
        <translation>Đã cưỡng chế</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
</context>
<context>
    <name>PartyDetailPane</name>
    <message>
        <source>Select a party to see its details.</source>
        <translation>Chọn một hộ để xem chi tiết.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Poor household</source>
        <translation>Hộ nghèo, chính sách</translation>
    </message>
    <message>
        <source>Direct farmer</source>
        <translation>Trực tiếp sản xuất nông nghiệp</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>Số nhân khẩu</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Diện ưu tiên</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Map sheet</source>
        <translation>Tờ bản đồ</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Thửa số</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>Loại đất</translation>
    </message>
    <message>
        <source>Total (m²)</source>
        <translation>Tổng diện tích (m²)</translation>
    </message>
    <message>
        <source>Recovered (m²)</source>
        <translation>Thu hồi (m²)</translation>
    </message>
    <message>
        <source>Co-used</source>
        <translation>Đồng sử dụng</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>Assets on the land</source>
        <translation>Tài sản trên đất</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Cấp công trình</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Diện tích (m²)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Compensation and support</source>
        <translation>Bồi thường, hỗ trợ</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Khoản</translation>
    </message>
    <message>
        <source>; buildings {area} m², {plants} tree(s) and plant(s), {graves} grave(s)</source>
        <translation>; nhà, công trình {area} m², {plants} cây trồng, {graves} mộ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Diễn giải</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Đơn giá</translation>
    </message>
    <message>
        <source>Amount (VND)</source>
        <translation>Thành tiền (đồng)</translation>
    </message>
    <message>
        <source>Resettlement</source>
        <translation>Tái định cư</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Chưa có thông tin.</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Không đủ điều kiện</translation>
    </message>
    <message>
        <source>{eligible}; site: {site}; lot: {lot}; land fee: {fee} VND</source>
        <translation>{eligible}; khu: {site}; lô: {lot}; tiền sử dụng đất: {fee} đồng</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>{parties} party(ies), {parcels} parcel(s), land {total} m², recovered {recovered} m², compensation {money} VND</source>
        <translation>{parties} hộ, {parcels} thửa, đất {total} m², thu hồi {recovered} m², bồi thường {money} đồng</translation>
    </message>
</context>
<context>
    <name>PartyEditDialog</name>
    <message>
        <source>Edit party</source>
        <translation>Sửa thông tin hộ</translation>
    </message>
    <message>
        <source>New party</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Thông tin hộ</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Tài sản trên đất</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>Bồi thường, hỗ trợ</translation>
    </message>
    <message>
        <source>Resettlement</source>
        <translation>Tái định cư</translation>
    </message>
    <message>
        <source>Party code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Citizen ID (12 digits)</source>
        <translation>Số CCCD (12 chữ số)</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>Số nhân khẩu</translation>
    </message>
    <message>
        <source>Poor or policy household</source>
        <translation>Hộ nghèo, chính sách</translation>
    </message>
    <message>
        <source>Direct farmer</source>
        <translation>Trực tiếp sản xuất nông nghiệp</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <source>Notified on</source>
        <translation>Ngày thông báo thu hồi</translation>
    </message>
    <message>
        <source>Inventoried on</source>
        <translation>Ngày kiểm đếm</translation>
    </message>
    <message>
        <source>Plan posted on</source>
        <translation>Ngày niêm yết phương án</translation>
    </message>
    <message>
        <source>Plan approved on</source>
        <translation>Ngày phê duyệt phương án</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Ngày chi trả</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>Ngày bàn giao mặt bằng</translation>
    </message>
    <message>
        <source>Enforced on</source>
        <translation>Ngày cưỡng chế</translation>
    </message>
    <message>
        <source>Eligible for resettlement</source>
        <translation>Đủ điều kiện tái định cư</translation>
    </message>
    <message>
        <source>Resettlement site</source>
        <translation>Khu tái định cư</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <source>Land fee payable (VND)</source>
        <translation>Tiền sử dụng đất phải nộp (đồng)</translation>
    </message>
    <message>
        <source>Map sheet</source>
        <translation>Tờ bản đồ số</translation>
    </message>
    <message>
        <source>Parcel no.</source>
        <translation>Thửa số</translation>
    </message>
    <message>
        <source>Parcel ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Total area (m²)</source>
        <translation>DT thửa (m²)</translation>
    </message>
    <message>
        <source>Recovered area (m²)</source>
        <translation>DT thu hồi (m²)</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>Loại đất</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Số GCN</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Nguồn gốc</translation>
    </message>
    <message>
        <source>Use since</source>
        <translation>Sử dụng từ</translation>
    </message>
    <message>
        <source>Co-used</source>
        <translation>Đồng sử dụng</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Diễn giải</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Cấp công trình</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Diện tích (m²)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Khối lượng</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <source>Unit price (VND)</source>
        <translation>Đơn giá (đồng)</translation>
    </message>
    <message>
        <source>Amount (VND)</source>
        <translation>Thành tiền (đồng)</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Add row (Insert)</source>
        <translation>Thêm dòng (Insert)</translation>
    </message>
    <message>
        <source>Remove row (Delete)</source>
        <translation>Xóa dòng (Delete)</translation>
    </message>
    <message>
        <source>{count} problem(s) to correct before saving; first: {reason}</source>
        <translation>Còn {count} lỗi cần sửa trước khi lưu; lỗi đầu tiên: {reason}</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Edit project</source>
        <translation>Sửa thông tin dự án</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Dự án mới</translation>
    </message>
    <message>
        <source>High-tech park</source>
        <translation>Khu công nghệ cao</translation>
    </message>
    <message>
        <source>Concentrated IT park</source>
        <translation>Khu công nghệ thông tin tập trung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>(not verified)</source>
        <translation>(chưa xác minh)</translation>
    </message>
    <message>
        <source>Switch the legal regime to {regime}?</source>
        <translation>Chuyển chế độ pháp lý sang {regime}?</translation>
    </message>
    <message>
        <source>{mapped} sections keep their text and move to their place; {created} new sections are added.</source>
        <translation>{mapped} mục được giữ nguyên nội dung và chuyển về vị trí tương ứng; {created} mục mới được thêm vào.</translation>
    </message>
    <message>
        <source>These {count} sections do not fit the new regime. They are kept, with their text, marked “Not part of the current regime”, and come back if you switch back:</source>
        <translation>{count} mục dưới đây không phù hợp với chế độ pháp lý mới. Các mục này vẫn được giữ lại cùng nội dung, được đánh dấu “Không thuộc chế độ pháp lý hiện tại” và sẽ trở lại nếu chuyển về chế độ cũ:</translation>
    </message>
    <message>
        <source>written</source>
        <translation>đã soạn</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>chưa có nội dung</translation>
    </message>
    <message>
        <source>Switch legal regime</source>
        <translation>Chuyển chế độ pháp lý</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Dự án</translation>
    </message>
    <message>
        <source>Project code:</source>
        <translation>Mã dự án:</translation>
    </message>
    <message>
        <source>e.g. CT-HTP</source>
        <translation>ví dụ: CT-HTP</translation>
    </message>
    <message>
        <source>Name (Vietnamese):</source>
        <translation>Tên dự án (tiếng Việt):</translation>
    </message>
    <message>
        <source>Kind of park:</source>
        <translation>Loại khu:</translation>
    </message>
    <message>
        <source>Legal regime:</source>
        <translation>Chế độ pháp lý:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Địa điểm:</translation>
    </message>
    <message>
        <source>Ward / commune:</source>
        <translation>Phường / xã:</translation>
    </message>
    <message>
        <source>Area (ha):</source>
        <translation>Diện tích (ha):</translation>
    </message>
    <message>
        <source>e.g. 20,02</source>
        <translation>ví dụ: 20,02</translation>
    </message>
    <message>
        <source>Investor:</source>
        <translation>Chủ đầu tư:</translation>
    </message>
    <message>
        <source>Total investment (VND):</source>
        <translation>Tổng vốn đầu tư (đồng):</translation>
    </message>
    <message>
        <source>e.g. 1.250.000.000.000</source>
        <translation>ví dụ: 1.250.000.000.000</translation>
    </message>
    <message>
        <source>Governing body:</source>
        <translation>Cơ quan chủ quản:</translation>
    </message>
    <message>
        <source>leave empty for a provincial People&apos;s Committee</source>
        <translation>để trống nếu là Ủy ban nhân dân cấp tỉnh</translation>
    </message>
    <message>
        <source>Issuing body:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>Signer&apos;s title:</source>
        <translation>Chức vụ người ký:</translation>
    </message>
    <message>
        <source>Signer&apos;s name:</source>
        <translation>Họ tên người ký:</translation>
    </message>
    <message>
        <source>Sender&apos;s electronic ID code:</source>
        <translation>Mã định danh cơ quan gửi:</translation>
    </message>
    <message>
        <source>The issuing body&apos;s electronic identification code (Decision 20/2020/QĐ-TTg), named as the sender of the edXML message</source>
        <translation>Mã định danh điện tử của cơ quan ban hành (Quyết định 20/2020/QĐ-TTg), ghi là nơi gửi trong gói tin edXML</translation>
    </message>
    <message>
        <source>Recipient&apos;s electronic ID code:</source>
        <translation>Mã định danh cơ quan nhận:</translation>
    </message>
    <message>
        <source>The receiving agency&apos;s electronic identification code; 000.00.00.G22 is the Government Office</source>
        <translation>Mã định danh điện tử của cơ quan nhận; 000.00.00.G22 là Văn phòng Chính phủ</translation>
    </message>
</context>
<context>
    <name>ProjectHomePane</name>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Read the figures again (F5)</source>
        <translation>Đọc lại số liệu (F5)</translation>
    </message>
    <message>
        <source>Reading the project&apos;s figures…</source>
        <translation>Đang đọc số liệu của dự án…</translation>
    </message>
    <message>
        <source>Figures as of {time}</source>
        <translation>Số liệu lúc {time}</translation>
    </message>
    <message>
        <source>Dossier readiness</source>
        <translation>Mức độ hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>blocking</source>
        <translation>chặn việc nộp</translation>
    </message>
    <message>
        <source>to look at</source>
        <translation>cần xem lại</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <source>First to fix:</source>
        <translation>Cần xử lý trước:</translation>
    </message>
    <message>
        <source>Nothing blocks a final export.</source>
        <translation>Không còn mục nào chặn việc xuất bản chính thức.</translation>
    </message>
    <message>
        <source>Open the readiness list…</source>
        <translation>Mở danh sách mức độ hoàn thiện…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Duyệt hồ sơ</translation>
    </message>
    <message>
        <source>required sections written</source>
        <translation>mục bắt buộc đã viết</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>chờ phê duyệt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã phê duyệt</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>bị trả lại</translation>
    </message>
    <message>
        <source>{document}: {written}/{total} written, {approved}/{total} approved, {submitted} waiting</source>
        <translation>{document}: đã viết {written}/{total}, đã phê duyệt {approved}/{total}, {submitted} mục chờ duyệt</translation>
    </message>
    <message>
        <source>Waiting longest: {title} — sent by {who} on {date} ({days} days)</source>
        <translation>Chờ lâu nhất: {title} — {who} trình ngày {date} ({days} ngày)</translation>
    </message>
    <message>
        <source>No section is waiting for approval.</source>
        <translation>Không có mục nào chờ phê duyệt.</translation>
    </message>
    <message>
        <source>{count} section(s) returned for changes: open the first</source>
        <translation>{count} mục bị trả lại để chỉnh sửa: mở mục đầu tiên</translation>
    </message>
    <message>
        <source>Open the work queue</source>
        <translation>Mở danh sách việc cần xử lý</translation>
    </message>
    <message>
        <source>Land clearance</source>
        <translation>Giải phóng mặt bằng</translation>
    </message>
    <message>
        <source>households</source>
        <translation>hộ</translation>
    </message>
    <message>
        <source>billion VND paid</source>
        <translation>tỷ đồng đã chi trả</translation>
    </message>
    <message>
        <source>ha handed over</source>
        <translation>ha đã bàn giao</translation>
    </message>
    <message>
        <source>Households by step: {steps}</source>
        <translation>Số hộ theo bước: {steps}</translation>
    </message>
    <message>
        <source>Money approved {approved} billion VND, paid {paid} billion VND</source>
        <translation>Tiền bồi thường đã phê duyệt {approved} tỷ đồng, đã chi trả {paid} tỷ đồng</translation>
    </message>
    <message>
        <source>Area handed over {handed} of {planned} ha</source>
        <translation>Diện tích đã bàn giao {handed} trên {planned} ha</translation>
    </message>
    <message>
        <source>The register is empty: open it to import or add households</source>
        <translation>Sổ giải phóng mặt bằng chưa có hộ nào: mở sổ để nhập hoặc thêm hộ</translation>
    </message>
    <message>
        <source>Overdue: {title}</source>
        <translation>Quá hạn: {title}</translation>
    </message>
    <message>
        <source>At risk: {title}</source>
        <translation>Sắp đến hạn: {title}</translation>
    </message>
    <message>
        <source>No milestone is overdue or at risk</source>
        <translation>Không có mốc tiến độ nào quá hạn hay sắp đến hạn</translation>
    </message>
    <message>
        <source>Ministry consultations</source>
        <translation>Lấy ý kiến bộ, ngành</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>sắp đến hạn</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>đang chờ trả lời</translation>
    </message>
    <message>
        <source>{name}: reply overdue since {date}</source>
        <translation>{name}: quá hạn trả lời từ ngày {date}</translation>
    </message>
    <message>
        <source>{name}: reply due {date}</source>
        <translation>{name}: hạn trả lời ngày {date}</translation>
    </message>
    <message>
        <source>No body has been consulted yet.</source>
        <translation>Chưa gửi lấy ý kiến cơ quan nào.</translation>
    </message>
    <message>
        <source>Open the consultations and review clock</source>
        <translation>Mở bảng lấy ý kiến và thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Last export</source>
        <translation>Lần xuất gần nhất</translation>
    </message>
    <message>
        <source>No package exported yet: export one…</source>
        <translation>Chưa xuất bộ hồ sơ nào: xuất bộ hồ sơ…</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <source>final</source>
        <translation>chính thức</translation>
    </message>
    <message>
        <source>{when}, {kind}, by {who}: {name}</source>
        <translation>{when}, bản {kind}, {who} xuất: {name}</translation>
    </message>
    <message>
        <source>Checking the package against its manifest…</source>
        <translation>Đang đối chiếu bộ hồ sơ với bảng kê tệp…</translation>
    </message>
    <message>
        <source>Verified: all {count} files match the manifest</source>
        <translation>Đã kiểm tra: cả {count} tệp khớp với bảng kê tệp</translation>
    </message>
    <message>
        <source>Not verified: {file} differs or is missing</source>
        <translation>Không khớp: tệp {file} đã thay đổi hoặc bị thiếu</translation>
    </message>
    <message>
        <source>Export the submission package…</source>
        <translation>Xuất bộ hồ sơ trình…</translation>
    </message>
</context>
<context>
    <name>PullProgress</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Receiving the department&apos;s data from the server: {done} of {total} changes.</source>
        <translation>Đang nhận dữ liệu của Sở từ máy chủ: {done} trên {total} thay đổi.</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <source>{hours} h</source>
        <translation>{hours} giờ</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} ngày {hours} giờ</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Thời gian chờ</translation>
    </message>
    <message>
        <source>Waiting for approval ({count})</source>
        <translation>Chờ phê duyệt ({count})</translation>
    </message>
    <message>
        <source>Returned to me ({count})</source>
        <translation>Trả lại cho tôi ({count})</translation>
    </message>
    <message>
        <source>Fully approved documents ({count})</source>
        <translation>Văn bản đã phê duyệt đầy đủ ({count})</translation>
    </message>
    <message>
        <source>Sign in with a role to see work queues.</source>
        <translation>Đăng nhập bằng tài khoản có vai trò để xem việc cần xử lý.</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Conditions and criteria</source>
        <translation>Điều kiện và tiêu chí</translation>
    </message>
    <message>
        <source>Mandatory attachments</source>
        <translation>Tài liệu kèm theo bắt buộc</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Mốc tiến độ</translation>
    </message>
    <message>
        <source>Ministry comments</source>
        <translation>Ý kiến bộ, ngành</translation>
    </message>
    <message>
        <source>people</source>
        <translation>người</translation>
    </message>
    <message>
        <source>{document}: {written} of {total} required sections written</source>
        <translation>{document}: đã soạn {written}/{total} mục bắt buộc</translation>
    </message>
    <message>
        <source>{document}: {approved} of {total} required sections approved, {submitted} awaiting review</source>
        <translation>{document}: đã phê duyệt {approved}/{total} mục bắt buộc, {submitted} mục đang chờ duyệt</translation>
    </message>
    <message>
        <source>{label}) {title}: met ({count} evidence)</source>
        <translation>{label}) {title}: đáp ứng ({count} tài liệu chứng minh)</translation>
    </message>
    <message>
        <source>{label}) {title}: met, but no evidence linked</source>
        <translation>{label}) {title}: đáp ứng, nhưng chưa gắn tài liệu chứng minh</translation>
    </message>
    <message>
        <source>{label}) {title}: not met</source>
        <translation>{label}) {title}: chưa đáp ứng</translation>
    </message>
    <message>
        <source>{label}) {title}: not assessed yet</source>
        <translation>{label}) {title}: chưa đánh giá</translation>
    </message>
    <message>
        <source>{title}: {value} {unit} ({operator} {threshold})</source>
        <translation>{title}: {value} {unit} ({operator} {threshold})</translation>
    </message>
    <message>
        <source>{title}: {value} {unit} fails {operator} {threshold}</source>
        <translation>{title}: {value} {unit}, không đạt {operator} {threshold}</translation>
    </message>
    <message>
        <source>{title}: the facts to compute it are not entered</source>
        <translation>{title}: chưa nhập số liệu để tính</translation>
    </message>
    <message>
        <source>{title}: does not apply</source>
        <translation>{title}: không áp dụng</translation>
    </message>
    <message>
        <source>Attached: {what}</source>
        <translation>Đã đính kèm: {what}</translation>
    </message>
    <message>
        <source>Missing: {what}</source>
        <translation>Còn thiếu: {what}</translation>
    </message>
    <message>
        <source>Milestones are not tracked yet</source>
        <translation>Chưa theo dõi mốc tiến độ</translation>
    </message>
    <message>
        <source>No milestones planned</source>
        <translation>Chưa lập mốc tiến độ nào</translation>
    </message>
    <message>
        <source>{title}: at risk</source>
        <translation>{title}: sắp đến hạn</translation>
    </message>
    <message>
        <source>{title}: overdue</source>
        <translation>{title}: quá hạn</translation>
    </message>
    <message>
        <source>{count} of {total} milestones on track</source>
        <translation>{count}/{total} mốc đúng tiến độ</translation>
    </message>
    <message>
        <source>No open comments ({total} in the register)</source>
        <translation>Không còn ý kiến chưa xử lý ({total} ý kiến trong bảng tổng hợp)</translation>
    </message>
    <message>
        <source>{source}: not accepted ({excerpt})</source>
        <translation>{source}: không tiếp thu ({excerpt})</translation>
    </message>
    <message>
        <source>{source}: no answer yet ({excerpt})</source>
        <translation>{source}: chưa tiếp thu, giải trình ({excerpt})</translation>
    </message>
</context>
<context>
    <name>ReadinessActions</name>
    <message>
        <source>Dossier readiness…</source>
        <translation>Mức độ hoàn thiện hồ sơ…</translation>
    </message>
    <message>
        <source>Conditions checklist…</source>
        <translation>Bảng đánh giá điều kiện…</translation>
    </message>
    <message>
        <source>Comment register…</source>
        <translation>Bảng tổng hợp tiếp thu, giải trình…</translation>
    </message>
</context>
<context>
    <name>ReadinessWindow</name>
    <message>
        <source>Dossier readiness — {code}</source>
        <translation>Mức độ hoàn thiện hồ sơ — {code}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Go to it</source>
        <translation>Đi đến</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Double-click to open where this is fixed.</source>
        <translation>Nhấp đúp để mở nơi cần xử lý.</translation>
    </message>
    <message>
        <source>Complete: nothing is missing ({amber} item(s) to look at).</source>
        <translation>Đầy đủ: không còn thiếu nội dung nào ({amber} nội dung cần xem lại).</translation>
    </message>
    <message>
        <source>{red} item(s) missing, {amber} to look at. Double-click an item to fix it.</source>
        <translation>Còn thiếu {red} nội dung, {amber} nội dung cần xem lại. Nhấp đúp vào một nội dung để xử lý.</translation>
    </message>
    <message>
        <source>{green} of {total} done</source>
        <translation>đã hoàn thành {green}/{total}</translation>
    </message>
</context>
<context>
    <name>RecordConflictList</name>
    <message>
        <source>Record</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ở máy này</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Trên máy chủ</translation>
    </message>
    <message>
        <source>&amp;Keep the value here</source>
        <translation>&amp;Giữ giá trị ở máy này</translation>
    </message>
    <message>
        <source>&amp;Take the server&apos;s value</source>
        <translation>&amp;Lấy giá trị của máy chủ</translation>
    </message>
    <message>
        <source>Milestone plan</source>
        <translation>Kế hoạch tiến độ</translation>
    </message>
    <message>
        <source>Project facts</source>
        <translation>Số liệu dự án</translation>
    </message>
    <message>
        <source>Filing date</source>
        <translation>Ngày nộp hồ sơ</translation>
    </message>
    <message>
        <source>Some fields of a project&apos;s details, milestone plan, facts, filing date, consultations, conditions, ministry comments or section titles were changed differently here and on the server. Pick the value to keep for each field; it is sent at the next sync.</source>
        <translation>Một số trường của thông tin dự án, kế hoạch tiến độ, số liệu dự án, ngày nộp hồ sơ, việc lấy ý kiến, điều kiện, ý kiến bộ ngành hoặc tên mục đã được sửa khác nhau ở máy này và trên máy chủ. Hãy chọn giá trị cần giữ cho từng trường; giá trị được gửi đi ở lần đồng bộ sau.</translation>
    </message>
    <message>
        <source>Step {detail}</source>
        <translation>Bước {detail}</translation>
    </message>
    <message>
        <source>Consultation: {detail}</source>
        <translation>Lấy ý kiến: {detail}</translation>
    </message>
    <message>
        <source>Condition {detail}</source>
        <translation>Điều kiện {detail}</translation>
    </message>
    <message>
        <source>Ministry comment: {detail}</source>
        <translation>Ý kiến bộ ngành: {detail}</translation>
    </message>
    <message>
        <source>Project details</source>
        <translation>Thông tin dự án</translation>
    </message>
    <message>
        <source>Section: {detail}</source>
        <translation>Mục: {detail}</translation>
    </message>
    <message>
        <source>Comment received on</source>
        <translation>Ngày nhận ý kiến</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Tên dự án</translation>
    </message>
    <message>
        <source>Section title</source>
        <translation>Tên mục</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>Mã dự án</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Area (ha)</source>
        <translation>Diện tích (ha)</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>Chủ đầu tư</translation>
    </message>
    <message>
        <source>Total investment (VND)</source>
        <translation>Tổng vốn đầu tư (đồng)</translation>
    </message>
    <message>
        <source>Governing body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <source>Sender&apos;s organ code</source>
        <translation>Mã định danh cơ quan gửi</translation>
    </message>
    <message>
        <source>Recipient&apos;s organ code</source>
        <translation>Mã định danh cơ quan nhận</translation>
    </message>
    <message>
        <source>Land kind</source>
        <translation>Loại đất thu hồi</translation>
    </message>
    <message>
        <source>At-risk window (days)</source>
        <translation>Số ngày cảnh báo sắp đến hạn</translation>
    </message>
    <message>
        <source>IT workers</source>
        <translation>Lao động công nghệ thông tin (người)</translation>
    </message>
    <message>
        <source>Total workforce</source>
        <translation>Tổng số lao động (người)</translation>
    </message>
    <message>
        <source>Core functional zone (ha)</source>
        <translation>Khu chức năng chính (ha)</translation>
    </message>
    <message>
        <source>Construction land (ha)</source>
        <translation>Đất xây dựng (ha)</translation>
    </message>
    <message>
        <source>Building density (%)</source>
        <translation>Mật độ xây dựng thuần (%)</translation>
    </message>
    <message>
        <source>Occupancy of existing parks (%)</source>
        <translation>Tỷ lệ lấp đầy của các khu hiện có (%)</translation>
    </message>
    <message>
        <source>Software only</source>
        <translation>Chỉ phần mềm và dịch vụ CNTT</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Mở rộng khu hiện có</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã bước</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên bước</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Bắt đầu (KH)</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Kết thúc (KH)</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Bắt đầu (TT)</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>Kết thúc (TT)</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>Đơn vị thực hiện</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>Tỷ lệ hoàn thành (%)</translation>
    </message>
    <message>
        <source>Body in the regime&apos;s list</source>
        <translation>Cơ quan trong danh sách theo quy định</translation>
    </message>
    <message>
        <source>Body consulted</source>
        <translation>Cơ quan được lấy ý kiến</translation>
    </message>
    <message>
        <source>Reply time (working days)</source>
        <translation>Thời hạn trả lời (ngày làm việc)</translation>
    </message>
    <message>
        <source>Request sent on</source>
        <translation>Ngày gửi văn bản</translation>
    </message>
    <message>
        <source>Reply received on</source>
        <translation>Ngày nhận trả lời</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Body that commented</source>
        <translation>Cơ quan góp ý</translation>
    </message>
    <message>
        <source>Linked section</source>
        <translation>Mục liên quan</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nội dung ý kiến</translation>
    </message>
    <message>
        <source>The city&apos;s answer</source>
        <translation>Nội dung tiếp thu, giải trình</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Tình trạng tiếp thu</translation>
    </message>
    <message>
        <source>Resolving revision</source>
        <translation>Phiên bản đã giải quyết</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Agricultural land</source>
        <translation>Đất nông nghiệp</translation>
    </message>
    <message>
        <source>Non-agricultural land</source>
        <translation>Đất phi nông nghiệp</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đáp ứng</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Chưa đáp ứng</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>Chưa đánh giá</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>Redline</name>
    <message>
        <source>… {count} unchanged lines …</source>
        <translation>… {count} dòng không đổi …</translation>
    </message>
    <message>
        <source>… {count} unchanged paragraphs, items or rows …</source>
        <translation>… {count} đoạn, mục hoặc dòng bảng không đổi …</translation>
    </message>
</context>
<context>
    <name>RedlineDialog</name>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>RedlineSaver</name>
    <message>
        <source>Save as Word with tracked changes…</source>
        <translation>Lưu thành tệp Word có theo dõi thay đổi…</translation>
    </message>
    <message>
        <source>Save the redline as a Word file</source>
        <translation>Lưu bản so sánh thay đổi thành tệp Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Đang ghi {name}…</translation>
    </message>
    <message>
        <source>Saved {path}: open it in Word or LibreOffice to accept or reject each change.</source>
        <translation>Đã lưu {path}: mở bằng Word hoặc LibreOffice để chấp nhận hoặc từ chối từng thay đổi.</translation>
    </message>
    <message>
        <source>The Word file was not written.</source>
        <translation>Chưa ghi được tệp Word.</translation>
    </message>
    <message>
        <source>Cannot save the redline</source>
        <translation>Không lưu được bản so sánh thay đổi</translation>
    </message>
</context>
<context>
    <name>RedlineView</name>
    <message>
        <source>{inserted} words inserted, {deleted} words deleted, {lines} lines changed</source>
        <translation>{inserted} từ được thêm, {deleted} từ bị xóa, {lines} dòng thay đổi</translation>
    </message>
    <message>
        <source>The two texts are the same.</source>
        <translation>Hai văn bản giống nhau.</translation>
    </message>
    <message>
        <source>{inserted} words inserted, {deleted} words deleted, {blocks} paragraphs, items or rows changed</source>
        <translation>{inserted} từ được thêm, {deleted} từ bị xóa, {blocks} đoạn, mục hoặc dòng bảng thay đổi</translation>
    </message>
    <message>
        <source>inserted</source>
        <translation>thêm vào</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>xóa bỏ</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <source>Land clearance register — {code}</source>
        <translation>Sổ giải phóng mặt bằng — {code}</translation>
    </message>
    <message>
        <source>New party…</source>
        <translation>Thêm hộ…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Enter or double-click a row</source>
        <translation>Nhấn Enter hoặc nhấp đúp vào một dòng</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Tệp mẫu…</translation>
    </message>
    <message>
        <source>Catalogues…</source>
        <translation>Danh mục…</translation>
    </message>
    <message>
        <source>Edit the land-use codes and wards</source>
        <translation>Sửa danh mục mã loại đất và phường/xã</translation>
    </message>
    <message>
        <source>Dashboard…</source>
        <translation>Bảng theo dõi…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>Tất cả các bước</translation>
    </message>
    <message>
        <source>Poor household</source>
        <translation>Hộ nghèo, chính sách</translation>
    </message>
    <message>
        <source>Direct farmer</source>
        <translation>Trực tiếp sản xuất nông nghiệp</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <source>Search name, citizen ID or address</source>
        <translation>Tìm theo tên, số CCCD hoặc địa chỉ</translation>
    </message>
    <message>
        <source>Ward:</source>
        <translation>Phường/xã:</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Bước:</translation>
    </message>
    <message>
        <source>Land use:</source>
        <translation>Loại đất:</translation>
    </message>
    <message>
        <source>All wards</source>
        <translation>Tất cả phường/xã</translation>
    </message>
    <message>
        <source>All land uses</source>
        <translation>Tất cả loại đất</translation>
    </message>
    <message>
        <source>{count} party(ies)</source>
        <translation>{count} hộ</translation>
    </message>
    <message>
        <source>Delete party</source>
        <translation>Xóa hộ</translation>
    </message>
    <message>
        <source>Delete {party} with its parcels, assets, compensation and resettlement?</source>
        <translation>Xóa {party} cùng toàn bộ thửa đất, tài sản trên đất, bồi thường, hỗ trợ và tái định cư của hộ này?</translation>
    </message>
    <message>
        <source>Project: {totals}</source>
        <translation>Dự án: {totals}</translation>
    </message>
    <message>
        <source>{ward}: {totals}</source>
        <translation>{ward}: {totals}</translation>
    </message>
    <message>
        <source>Import into the register</source>
        <translation>Nhập vào sổ giải phóng mặt bằng</translation>
    </message>
    <message>
        <source>Register files ({patterns})</source>
        <translation>Tệp sổ ({patterns})</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Xuất sổ giải phóng mặt bằng</translation>
    </message>
    <message>
        <source>{count} party(ies) exported to {name}.</source>
        <translation>Đã xuất {count} hộ ra tệp {name}.</translation>
    </message>
    <message>
        <source>Save the register template</source>
        <translation>Lưu tệp mẫu của sổ</translation>
    </message>
    <message>
        <source>Template written to {name}.</source>
        <translation>Đã ghi tệp mẫu {name}.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã trình duyệt</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Yêu cầu chỉnh sửa</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Trình duyệt</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Phê duyệt…</translation>
    </message>
    <message>
        <source>Return for changes…</source>
        <translation>Trả lại để chỉnh sửa…</translation>
    </message>
    <message>
        <source>changed since approval</source>
        <translation>đã sửa sau phê duyệt</translation>
    </message>
    <message>
        <source>Returned by {who}:</source>
        <translation>{who} trả lại:</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>Trả lại để chỉnh sửa</translation>
    </message>
    <message>
        <source>What should be changed?</source>
        <translation>Cần chỉnh sửa những gì?</translation>
    </message>
</context>
<context>
    <name>ReviewTimeline</name>
    <message>
        <source>{days} working days</source>
        <translation>{days} ngày làm việc</translation>
    </message>
    <message>
        <source>Today {day}</source>
        <translation>Hôm nay {day}</translation>
    </message>
</context>
<context>
    <name>RevisionsPane</name>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>Lưu lúc</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người lưu</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Số từ</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Xem…</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>So sánh…</translation>
    </message>
    <message>
        <source>One revision: what it changed from the one before. Two revisions: the older against the newer.</source>
        <translation>Chọn một phiên bản: xem nó đã thay đổi gì so với phiên bản trước. Chọn hai phiên bản: so sánh bản cũ với bản mới.</translation>
    </message>
    <message>
        <source>SHA-256: {hash}</source>
        <translation>SHA-256: {hash}</translation>
    </message>
    <message>
        <source>Restored from revision {number}</source>
        <translation>Khôi phục từ phiên bản {number}</translation>
    </message>
    <message>
        <source>Revision {number} ({when}, {who})</source>
        <translation>Phiên bản {number} ({when}, {who})</translation>
    </message>
    <message>
        <source>Changes from revision {old} to revision {new}</source>
        <translation>Thay đổi từ phiên bản {old} đến phiên bản {new}</translation>
    </message>
    <message>
        <source>Revision {number} — {when}</source>
        <translation>Phiên bản {number} — {when}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Planning officer</source>
        <translation>Chuyên viên</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Văn thư</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
</context>
<context>
    <name>RowConflictPanel</name>
    <message>
        <source>&lt;b&gt;Sync conflict:&lt;/b&gt; this household was changed here and on the server in the same fields. Pick the value to keep for each; it is sent at the next sync.</source>
        <translation>&lt;b&gt;Xung đột đồng bộ:&lt;/b&gt; hộ này đã được sửa cùng một trường ở máy này và trên máy chủ. Hãy chọn giá trị giữ lại cho từng trường; lựa chọn được gửi đi ở lần đồng bộ sau.</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Giữ giá trị này</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Lấy giá trị của máy chủ</translation>
    </message>
    <message>
        <source>Here: {value}</source>
        <translation>Máy này: {value}</translation>
    </message>
    <message>
        <source>Server: {value}</source>
        <translation>Máy chủ: {value}</translation>
    </message>
    <message>
        <source>Party code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Phường/xã</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>Số nhân khẩu</translation>
    </message>
    <message>
        <source>Poor household</source>
        <translation>Hộ nghèo, chính sách</translation>
    </message>
    <message>
        <source>Direct farmer</source>
        <translation>Trực tiếp sản xuất nông nghiệp</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Assets on the land</source>
        <translation>Tài sản trên đất</translation>
    </message>
    <message>
        <source>Compensation and support</source>
        <translation>Bồi thường, hỗ trợ</translation>
    </message>
    <message>
        <source>Resettlement</source>
        <translation>Tái định cư</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>và {count} mục khác</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this project (with or without diacritics)…</source>
        <translation>Tìm kiếm trong dự án (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <source>Choose a project first.</source>
        <translation>Vui lòng chọn dự án trước.</translation>
    </message>
    <message>
        <source>{count} section(s) found.</source>
        <translation>Tìm thấy {count} mục.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Không tìm thấy kết quả nào.</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Choose a section in the navigator to start writing.</source>
        <translation>Chọn một mục trong khung điều hướng để bắt đầu soạn thảo.</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Undo typing (Ctrl+Z)</source>
        <translation>Hoàn tác thao tác gõ (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Redo typing (Ctrl+Y)</source>
        <translation>Làm lại thao tác gõ (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Sub-heading</source>
        <translation>Tiêu đề phụ</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Đánh số</translation>
    </message>
    <message>
        <source>Table…</source>
        <translation>Bảng…</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Lưu ngay</translation>
    </message>
    <message>
        <source>This section has no text yet.</source>
        <translation>Mục này chưa có nội dung.</translation>
    </message>
    <message>
        <source>This section has no text yet: start typing here. It is saved as you write.</source>
        <translation>Mục này chưa có nội dung: hãy bắt đầu gõ tại đây. Nội dung được lưu ngay khi bạn viết.</translation>
    </message>
    <message>
        <source>Insert table</source>
        <translation>Chèn bảng</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Số cột:</translation>
    </message>
    <message>
        <source>Rows (with the header row):</source>
        <translation>Số hàng (kể cả hàng tiêu đề):</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Sync server</source>
        <translation>Máy chủ đồng bộ</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>Each desktop keeps its own copy and syncs with the department&apos;s server, which alone holds the data and checks each person&apos;s rights. Leave the address empty to work alone.</source>
        <translation>Mỗi máy giữ một bản dữ liệu riêng và đồng bộ với máy chủ của Sở; chỉ máy chủ giữ dữ liệu chung và kiểm tra quyền của từng người. Để trống địa chỉ nếu làm việc một mình.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Trusted certificate (SHA-256):</source>
        <translation>Chứng thư được tin cậy (SHA-256):</translation>
    </message>
    <message>
        <source>(none yet: trusted at the first sync)</source>
        <translation>(chưa có: sẽ được tin cậy ở lần đồng bộ đầu tiên)</translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation>Máy chủ đồng bộ</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http:// for a server on this computer).</source>
        <translation>Địa chỉ phải bắt đầu bằng https:// (hoặc http:// nếu máy chủ chạy ngay trên máy này).</translation>
    </message>
</context>
<context>
    <name>ServerLink</name>
    <message>
        <source>Server certificate trusted</source>
        <translation>Đã tin cậy chứng thư máy chủ</translation>
    </message>
    <message>
        <source>This desktop now trusts the server&apos;s certificate with the SHA-256 fingerprint
{fingerprint}
Check it with IT once; a different certificate will be refused.</source>
        <translation>Từ nay máy này tin cậy chứng thư của máy chủ có dấu vân tay SHA-256
{fingerprint}
Hãy đối chiếu một lần với bộ phận công nghệ thông tin; chứng thư khác sẽ bị từ chối.</translation>
    </message>
</context>
<context>
    <name>ServerMoveDialog</name>
    <message>
        <source>The department server has changed</source>
        <translation>Máy chủ của Sở đã thay đổi</translation>
    </message>
    <message>
        <source>Until now this computer opened the department&apos;s PostgreSQL database directly ({address}). The program now works on its own copy of the data on this computer, also without a network, and syncs it with the department server, which alone holds the database and checks each person&apos;s rights.</source>
        <translation>Trước đây máy này mở trực tiếp cơ sở dữ liệu PostgreSQL của Sở ({address}). Nay chương trình làm việc trên bản dữ liệu riêng lưu ở máy này, kể cả khi không có mạng, và đồng bộ bản đó với máy chủ của Sở; chỉ máy chủ giữ cơ sở dữ liệu và kiểm tra quyền của từng người.</translation>
    </message>
    <message>
        <source>Enter the sync server&apos;s address (IT gives it; it usually ends in :8470). After you sign in, File › Sync now brings the department&apos;s projects to this computer. You can also do it later in Settings. The old PostgreSQL setting is removed.</source>
        <translation>Hãy nhập địa chỉ máy chủ đồng bộ (bộ phận CNTT cung cấp; thường kết thúc bằng :8470). Sau khi đăng nhập, Tệp › Đồng bộ ngay sẽ đưa các dự án của Sở về máy này. Cũng có thể nhập sau trong Cài đặt. Thiết lập PostgreSQL cũ được xoá.</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>Dùng máy chủ này</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Department server</source>
        <translation>Máy chủ của Sở</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Ngôn ngữ giao diện:</translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation>Đang mở:</translation>
    </message>
    <message>
        <source>Documents are always written in Vietnamese, whatever the interface language.</source>
        <translation>Văn bản luôn được soạn bằng tiếng Việt, dù giao diện dùng ngôn ngữ nào.</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Add sub-section…</source>
        <translation>Thêm mục con…</translation>
    </message>
    <message>
        <source>Rename section…</source>
        <translation>Đổi tên mục…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>Xóa mục</translation>
    </message>
    <message>
        <source>Add sub-section</source>
        <translation>Thêm mục con</translation>
    </message>
    <message>
        <source>Title of the new section:</source>
        <translation>Tiêu đề của mục mới:</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Đổi tên mục</translation>
    </message>
    <message>
        <source>New title:</source>
        <translation>Tiêu đề mới:</translation>
    </message>
    <message>
        <source>“{title}” is required by the legal outline and cannot be deleted.</source>
        <translation>Mục “{title}” là bắt buộc theo đề cương quy định của pháp luật nên không thể xóa.</translation>
    </message>
    <message>
        <source>Deleted “{title}”. Undo (Ctrl+Z) brings it back.</source>
        <translation>Đã xóa mục “{title}”. Nhấn Hoàn tác (Ctrl+Z) để lấy lại.</translation>
    </message>
</context>
<context>
    <name>StructureCommands</name>
    <message>
        <source>Add section “{title}”</source>
        <translation>Thêm mục “{title}”</translation>
    </message>
    <message>
        <source>Rename section “{title}”</source>
        <translation>Đổi tên mục “{title}”</translation>
    </message>
    <message>
        <source>Move section “{title}”</source>
        <translation>Di chuyển mục “{title}”</translation>
    </message>
    <message>
        <source>Delete section “{title}”</source>
        <translation>Xóa mục “{title}”</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync server…</source>
        <translation>Máy chủ đồng bộ…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Sync conflicts…</source>
        <translation>Xung đột đồng bộ…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Sign in with your account to sync with the server.</source>
        <translation>Hãy đăng nhập bằng tài khoản của bạn để đồng bộ với máy chủ.</translation>
    </message>
    <message>
        <source>Sign in at the server</source>
        <translation>Đăng nhập máy chủ</translation>
    </message>
    <message>
        <source>Password of {user} at {server}:</source>
        <translation>Mật khẩu của {user} trên máy chủ {server}:</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Sending attachment {done}/{total}…</source>
        <translation>Đang gửi tệp đính kèm {done}/{total}…</translation>
    </message>
    <message>
        <source>Downloading attachment {done}/{total}…</source>
        <translation>Đang tải tệp đính kèm {done}/{total}…</translation>
    </message>
    <message>
        <source>Stopping the sync…</source>
        <translation>Đang dừng đồng bộ…</translation>
    </message>
    <message>
        <source>Conflict: {section}</source>
        <translation>Xung đột: {section}</translation>
    </message>
    <message>
        <source>Refused by the server: {what} — {why}</source>
        <translation>Máy chủ từ chối: {what} — {why}</translation>
    </message>
    <message>
        <source>Deleted on the server, kept here: {section}</source>
        <translation>Máy chủ đã xóa, vẫn giữ ở máy này: {section}</translation>
    </message>
    <message>
        <source>To check: {what}</source>
        <translation>Cần xem lại: {what}</translation>
    </message>
    <message>
        <source>The server lacks the file of attachment {name}</source>
        <translation>Máy chủ không có nội dung tệp đính kèm {name}</translation>
    </message>
    <message>
        <source>File not sent, the attachment waits: {what}</source>
        <translation>Chưa gửi được tệp, tệp đính kèm đang chờ: {what}</translation>
    </message>
    <message>
        <source>The sync finished, but not everything is in step with the server.</source>
        <translation>Đã đồng bộ xong, nhưng còn nội dung chưa khớp với máy chủ.</translation>
    </message>
    <message>
        <source>Show the conflicts…</source>
        <translation>Xem các xung đột…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Not synced yet this session</source>
        <translation>Chưa đồng bộ trong phiên này</translation>
    </message>
    <message>
        <source>sync cancelled: Sync now goes on from where it stopped</source>
        <translation>đã hủy đồng bộ: Đồng bộ ngay sẽ tiếp tục từ chỗ đã dừng</translation>
    </message>
    <message>
        <source>synced at {time}</source>
        <translation>đồng bộ lúc {time}</translation>
    </message>
    <message>
        <source>{count} changes waiting</source>
        <translation>{count} thay đổi chờ gửi</translation>
    </message>
    <message>
        <source>{count} conflicts</source>
        <translation>{count} xung đột</translation>
    </message>
    <message>
        <source>Sync server: {server}</source>
        <translation>Máy chủ đồng bộ: {server}</translation>
    </message>
    <message>
        <source>{name}&apos;s changes are waiting for them to sign in again</source>
        <translation>Thay đổi của {name} đang chờ đăng nhập lại</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>This database has no project yet.</source>
        <translation>Cơ sở dữ liệu này chưa có dự án nào.</translation>
    </message>
    <message>
        <source>Load the Cần Thơ demo (the high-tech park CT-HTP and the concentrated IT park CT-ITP, with draft text), or create your own project.</source>
        <translation>Nạp dữ liệu mẫu của Cần Thơ (khu công nghệ cao CT-HTP và khu công nghệ thông tin tập trung CT-ITP, kèm nội dung dự thảo), hoặc tự tạo dự án mới.</translation>
    </message>
    <message>
        <source>Load the demo</source>
        <translation>Nạp dữ liệu mẫu</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Dự án mới…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>New project…</source>
        <translation>Dự án mới…</translation>
    </message>
    <message>
        <source>Project details…</source>
        <translation>Thông tin dự án…</translation>
    </message>
    <message>
        <source>Land clearance register…</source>
        <translation>Sổ giải phóng mặt bằng…</translation>
    </message>
    <message>
        <source>Land clearance dashboard…</source>
        <translation>Bảng theo dõi giải phóng mặt bằng…</translation>
    </message>
    <message>
        <source>Catalogues…</source>
        <translation>Danh mục…</translation>
    </message>
    <message>
        <source>Ministry consultations and review clock…</source>
        <translation>Lấy ý kiến bộ, ngành và thời hạn giải quyết…</translation>
    </message>
    <message>
        <source>Holiday calendar…</source>
        <translation>Lịch nghỉ lễ…</translation>
    </message>
    <message>
        <source>Milestone plan…</source>
        <translation>Kế hoạch tiến độ…</translation>
    </message>
    <message>
        <source>Export the submission package…</source>
        <translation>Xuất bộ hồ sơ trình…</translation>
    </message>
    <message>
        <source>Load the Cần Thơ demo data</source>
        <translation>Nạp dữ liệu mẫu Cần Thơ</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Sao lưu dữ liệu…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Search the project…</source>
        <translation>Tìm kiếm trong dự án…</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Tài khoản…</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Nhật ký thao tác…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Choose a project in the navigator first.</source>
        <translation>Hãy chọn một dự án trong khung điều hướng trước.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Vai trò của bạn không được làm việc này.</translation>
    </message>
    <message>
        <source>Project {code} created with its documents.</source>
        <translation>Đã tạo dự án {code} cùng các văn bản của dự án.</translation>
    </message>
    <message>
        <source>Loading the Cần Thơ demo data…</source>
        <translation>Đang nạp dữ liệu mẫu Cần Thơ…</translation>
    </message>
    <message>
        <source>Demo data loaded: {created} project(s) created, {filled} section(s) filled.</source>
        <translation>Đã nạp dữ liệu mẫu: tạo {created} dự án, điền nội dung cho {filled} mục.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
</context>
<context>
    <name>_CredentialsDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>

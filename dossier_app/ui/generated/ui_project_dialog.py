# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'project_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ProjectDialog(object):
    def setupUi(self, ProjectDialog):
        if not ProjectDialog.objectName():
            ProjectDialog.setObjectName(u"ProjectDialog")
        ProjectDialog.resize(620, 560)
        self.mainLayout = QVBoxLayout(ProjectDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.codeLabel = QLabel(ProjectDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(ProjectDialog)
        self.codeEdit.setObjectName(u"codeEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.nameLabel = QLabel(ProjectDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ProjectDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setPlaceholderText(u"Khu c\u00f4ng ngh\u1ec7 cao \u2026")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(ProjectDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ProjectDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.regimeLabel = QLabel(ProjectDialog)
        self.regimeLabel.setObjectName(u"regimeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.regimeLabel)

        self.regimeCombo = QComboBox(ProjectDialog)
        self.regimeCombo.setObjectName(u"regimeCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.regimeCombo)

        self.locationLabel = QLabel(ProjectDialog)
        self.locationLabel.setObjectName(u"locationLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationEdit = QLineEdit(ProjectDialog)
        self.locationEdit.setObjectName(u"locationEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationEdit)

        self.wardLabel = QLabel(ProjectDialog)
        self.wardLabel.setObjectName(u"wardLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.wardLabel)

        self.wardEdit = QLineEdit(ProjectDialog)
        self.wardEdit.setObjectName(u"wardEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.wardEdit)

        self.areaLabel = QLabel(ProjectDialog)
        self.areaLabel.setObjectName(u"areaLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaEdit = QLineEdit(ProjectDialog)
        self.areaEdit.setObjectName(u"areaEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.areaEdit)

        self.investorLabel = QLabel(ProjectDialog)
        self.investorLabel.setObjectName(u"investorLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.investorLabel)

        self.investorEdit = QLineEdit(ProjectDialog)
        self.investorEdit.setObjectName(u"investorEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.investorEdit)

        self.investmentLabel = QLabel(ProjectDialog)
        self.investmentLabel.setObjectName(u"investmentLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.investmentLabel)

        self.investmentEdit = QLineEdit(ProjectDialog)
        self.investmentEdit.setObjectName(u"investmentEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.investmentEdit)

        self.governingLabel = QLabel(ProjectDialog)
        self.governingLabel.setObjectName(u"governingLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.governingLabel)

        self.governingEdit = QLineEdit(ProjectDialog)
        self.governingEdit.setObjectName(u"governingEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.governingEdit)

        self.issuingLabel = QLabel(ProjectDialog)
        self.issuingLabel.setObjectName(u"issuingLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.issuingLabel)

        self.issuingEdit = QLineEdit(ProjectDialog)
        self.issuingEdit.setObjectName(u"issuingEdit")
        self.issuingEdit.setPlaceholderText(u"\u1ee6Y BAN NH\u00c2N D\u00c2N TH\u00c0NH PH\u1ed0 C\u1ea6N TH\u01a0")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.issuingEdit)

        self.signerTitleLabel = QLabel(ProjectDialog)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QPlainTextEdit(ProjectDialog)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")
        self.signerTitleEdit.setMaximumSize(QSize(16777215, 56))
        self.signerTitleEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.signerNameLabel = QLabel(ProjectDialog)
        self.signerNameLabel.setObjectName(u"signerNameLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.signerNameLabel)

        self.signerNameEdit = QLineEdit(ProjectDialog)
        self.signerNameEdit.setObjectName(u"signerNameEdit")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)

        self.senderCodeLabel = QLabel(ProjectDialog)
        self.senderCodeLabel.setObjectName(u"senderCodeLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.senderCodeLabel)

        self.senderCodeEdit = QLineEdit(ProjectDialog)
        self.senderCodeEdit.setObjectName(u"senderCodeEdit")
        self.senderCodeEdit.setPlaceholderText(u"000.00.00.H13")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.senderCodeEdit)

        self.recipientCodeLabel = QLabel(ProjectDialog)
        self.recipientCodeLabel.setObjectName(u"recipientCodeLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.recipientCodeLabel)

        self.recipientCodeEdit = QLineEdit(ProjectDialog)
        self.recipientCodeEdit.setObjectName(u"recipientCodeEdit")
        self.recipientCodeEdit.setPlaceholderText(u"000.00.00.G22")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.recipientCodeEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ProjectDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b71c1c; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ProjectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.regimeLabel.setBuddy(self.regimeCombo)
        self.locationLabel.setBuddy(self.locationEdit)
        self.wardLabel.setBuddy(self.wardEdit)
        self.areaLabel.setBuddy(self.areaEdit)
        self.investorLabel.setBuddy(self.investorEdit)
        self.investmentLabel.setBuddy(self.investmentEdit)
        self.governingLabel.setBuddy(self.governingEdit)
        self.issuingLabel.setBuddy(self.issuingEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
        self.signerNameLabel.setBuddy(self.signerNameEdit)
        self.senderCodeLabel.setBuddy(self.senderCodeEdit)
        self.recipientCodeLabel.setBuddy(self.recipientCodeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.regimeCombo)
        QWidget.setTabOrder(self.regimeCombo, self.locationEdit)
        QWidget.setTabOrder(self.locationEdit, self.wardEdit)
        QWidget.setTabOrder(self.wardEdit, self.areaEdit)
        QWidget.setTabOrder(self.areaEdit, self.investorEdit)
        QWidget.setTabOrder(self.investorEdit, self.investmentEdit)
        QWidget.setTabOrder(self.investmentEdit, self.governingEdit)
        QWidget.setTabOrder(self.governingEdit, self.issuingEdit)
        QWidget.setTabOrder(self.issuingEdit, self.signerTitleEdit)
        QWidget.setTabOrder(self.signerTitleEdit, self.signerNameEdit)
        QWidget.setTabOrder(self.signerNameEdit, self.senderCodeEdit)
        QWidget.setTabOrder(self.senderCodeEdit, self.recipientCodeEdit)

        self.retranslateUi(ProjectDialog)

        QMetaObject.connectSlotsByName(ProjectDialog)
    # setupUi

    def retranslateUi(self, ProjectDialog):
        ProjectDialog.setWindowTitle(QCoreApplication.translate("ProjectDialog", u"Project", None))
        self.codeLabel.setText(QCoreApplication.translate("ProjectDialog", u"Project code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ProjectDialog", u"e.g. CT-HTP", None))
        self.nameLabel.setText(QCoreApplication.translate("ProjectDialog", u"Name (Vietnamese):", None))
        self.kindLabel.setText(QCoreApplication.translate("ProjectDialog", u"Kind of park:", None))
        self.regimeLabel.setText(QCoreApplication.translate("ProjectDialog", u"Legal regime:", None))
        self.locationLabel.setText(QCoreApplication.translate("ProjectDialog", u"Location:", None))
        self.wardLabel.setText(QCoreApplication.translate("ProjectDialog", u"Ward / commune:", None))
        self.areaLabel.setText(QCoreApplication.translate("ProjectDialog", u"Area (ha):", None))
        self.areaEdit.setPlaceholderText(QCoreApplication.translate("ProjectDialog", u"e.g. 20,02", None))
        self.investorLabel.setText(QCoreApplication.translate("ProjectDialog", u"Investor:", None))
        self.investmentLabel.setText(QCoreApplication.translate("ProjectDialog", u"Total investment (VND):", None))
        self.investmentEdit.setPlaceholderText(QCoreApplication.translate("ProjectDialog", u"e.g. 1.250.000.000.000", None))
        self.governingLabel.setText(QCoreApplication.translate("ProjectDialog", u"Governing body:", None))
        self.governingEdit.setPlaceholderText(QCoreApplication.translate("ProjectDialog", u"leave empty for a provincial People's Committee", None))
        self.issuingLabel.setText(QCoreApplication.translate("ProjectDialog", u"Issuing body:", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("ProjectDialog", u"Signer's title:", None))
        self.signerNameLabel.setText(QCoreApplication.translate("ProjectDialog", u"Signer's name:", None))
        self.senderCodeLabel.setText(QCoreApplication.translate("ProjectDialog", u"Sender's electronic ID code:", None))
#if QT_CONFIG(tooltip)
        self.senderCodeEdit.setToolTip(QCoreApplication.translate("ProjectDialog", u"The issuing body's electronic identification code (Decision 20/2020/Q\u0110-TTg), named as the sender of the edXML message", None))
#endif // QT_CONFIG(tooltip)
        self.recipientCodeLabel.setText(QCoreApplication.translate("ProjectDialog", u"Recipient's electronic ID code:", None))
#if QT_CONFIG(tooltip)
        self.recipientCodeEdit.setToolTip(QCoreApplication.translate("ProjectDialog", u"The receiving agency's electronic identification code; 000.00.00.G22 is the Government Office", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi


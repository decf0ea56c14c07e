/**
 * Input header synonyms: data, not UI. Each list is in priority order: when two
 * columns of one sheet match a field, the one whose header comes earlier wins.
 * Matching folds width, case and white space (see headerKey); a header may also
 * carry a unit in brackets, as in `金额(元)` or `Amount (USD)`.
 */
export type Field =
  | "customerId"
  | "customerName"
  | "salesperson"
  | "region"
  | "firstTradeDate"
  | "creditLimit"
  | "birthday"
  | "orderDate"
  | "orderId"
  | "amount"
  | "quantity"
  | "unitPrice"
  | "grossMargin"
  | "paid"
  | "visitDate"
  | "visitCost"
  | "month"
  | "monthlyCost"
  | "visitCount"
  | "visitCostTotal"
  | "dueDate"
  | "paymentTerms"
  | "cooperation"
  | "paymentDate"
  | "paymentAmount";

export const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  customerId: [
    "客户编号",
    "客户代码",
    "客户ID",
    "客户号",
    "客户编码",
    "Customer ID",
    "Customer Code",
    "Account ID",
    "Customer No",
    "Client ID",
  ],
  customerName: [
    "客户名称",
    "客户",
    "客户名",
    "公司名称",
    "单位名称",
    "客户全称",
    "Customer",
    "Customer Name",
    "Account",
    "Account Name",
    "Company",
    "Company Name",
    "Client",
  ],
  salesperson: [
    "业务员",
    "销售员",
    "销售代表",
    "负责人",
    "客户经理",
    "销售人员",
    "Salesperson",
    "Sales Rep",
    "Rep",
    "Owner",
    "Account Manager",
    "Sales Person",
    "Employee",
  ],
  region: ["区域", "地区", "片区", "省份", "城市", "Region", "Territory", "Area", "City"],
  firstTradeDate: [
    "首次交易日期",
    "起始交易时间",
    "合作开始日期",
    "首次合作日期",
    "First Order Date",
    "Customer Since",
    "First Purchase Date",
  ],
  creditLimit: ["信用额度", "授信额度", "Credit Limit"],
  birthday: ["生日", "出生日期", "Birthday", "Date of Birth"],
  orderDate: ["订单日期", "下单日期", "订货日期", "销售日期", "日期", "Order Date", "Date"],
  orderId: ["订单号", "订单编号", "订单ID", "单号", "Order ID", "Order No", "Order Number"],
  amount: [
    "金额",
    "订单金额",
    "订货额",
    "销售额",
    "含税金额",
    "销售金额",
    "Amount",
    "Sales",
    "Revenue",
    "Order Amount",
    "Total",
    "Sales Amount",
  ],
  quantity: ["数量", "Quantity", "Qty"],
  unitPrice: ["单价", "Unit Price", "Price"],
  grossMargin: ["毛利", "毛利额", "利润", "利润额", "Profit", "Gross Margin", "Margin"],
  paid: ["已回款", "回款金额", "已收款", "Paid", "Amount Paid"],
  visitDate: ["拜访日期", "访问日期", "日期", "Visit Date", "Date"],
  visitCost: ["费用", "拜访费用", "差旅费", "Cost", "Expense", "Travel Cost", "Visit Cost"],
  month: ["月份", "Month"],
  monthlyCost: [
    "工资",
    "底薪",
    "提成",
    "佣金",
    "差旅费",
    "交通费",
    "招待费",
    "其他费用",
    "Salary",
    "Commission",
    "Travel",
    "Entertainment",
    "Other Cost",
  ],
  visitCount: ["拜访次数", "Visits"],
  visitCostTotal: ["拜访费用", "Visit Cost"],
  dueDate: ["到期日", "付款到期日", "应收日期", "到期日期", "Due Date", "Payment Due", "Due"],
  paymentTerms: ["账期", "账期天数", "付款期限", "账期(天)", "Payment Terms", "Terms", "Terms (days)"],
  cooperation: ["合作性", "合作态度", "Cooperation"],
  paymentDate: ["回款日期", "收款日期", "付款日期", "日期", "Payment Date", "Date Received", "Date"],
  paymentAmount: ["回款金额", "收款金额", "回款", "收款", "Payment", "Payment Amount", "Amount Received"],
};

/** The roles a sheet can play; detectSheets decides them payments first (SPEC: before the order-sheet rule). */
export type Role = "payments" | "orders" | "visits" | "costs" | "customers";

/** Words in a sheet's name that say which role it plays, used to break ties between two candidates. */
export const ROLE_NAME_HINTS: Readonly<Record<Role, readonly string[]>> = {
  payments: ["回款", "收款", "payment"],
  orders: ["订单", "order", "销售"],
  visits: ["拜访", "visit"],
  costs: ["费用", "cost", "expense"],
  customers: ["客户", "customer", "account"],
};

/** Fields each role reads; `monthlyCost` may match several columns, every other field one. */
export const ROLE_FIELDS: Readonly<Record<Role, readonly Field[]>> = {
  // `amount` only for a sheet whose name says payments (回款表 with a plain 金额 column).
  payments: ["paymentDate", "customerId", "customerName", "paymentAmount", "amount"],
  orders: [
    "orderDate",
    "customerId",
    "customerName",
    "amount",
    "quantity",
    "unitPrice",
    "orderId",
    "grossMargin",
    "paid",
    "dueDate",
    "salesperson",
    "region",
  ],
  visits: ["visitDate", "customerId", "customerName", "salesperson", "visitCost"],
  costs: ["month", "salesperson", "monthlyCost"],
  customers: [
    "customerId",
    "customerName",
    "salesperson",
    "region",
    "firstTradeDate",
    "creditLimit",
    "birthday",
    "visitCount",
    "visitCostTotal",
    "paymentTerms",
    "cooperation",
  ],
};

/** The prospect sheet's fields (issue 16): a name and at least two of money, authority, need. */
export type ProspectField = "name" | "money" | "authority" | "need" | "salesperson" | "close";

/** Prospect-sheet headers, in priority order like SYNONYMS. */
export const PROSPECT_SYNONYMS: Readonly<Record<ProspectField, readonly string[]>> = {
  name: ["潜在客户", "潜在客户名称", ...SYNONYMS.customerName, "Prospect", "Prospect Name"],
  money: ["购买力", "资金", "预算", "Money", "Budget", "Purchasing Power"],
  authority: ["决定权", "决策权", "Authority", "Decision Maker"],
  need: ["需求", "Need", "Needs"],
  salesperson: SYNONYMS.salesperson,
  close: ["预计成交日期", "预计成交时间", "预计成交", "Expected Close", "Expected Close Date", "Close Date"],
};
